package io.touchpoints.survey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.process.DelegateInputs;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.timeline.Timeline;

/** Writes on the customer's timeline that the survey {@code surveyKind} names was not sent, and why ({@code reason}). */
@ModelBean
@Component("recordSurveySkippedDelegate")
class RecordSurveySkippedDelegate implements JavaDelegate {

	private final CustomerRegistry customers;

	private final Timeline timeline;

	RecordSurveySkippedDelegate(CustomerRegistry customers, Timeline timeline) {
		this.customers = customers;
		this.timeline = timeline;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SurveyKind kind = SurveyProcess.kindOf(execution.getVariable(SurveyProcess.KIND));
		String reason = DelegateInputs.required(execution, "reason");
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		timeline.record(Timeline.Entry.of(customer.getId(), SurveyProcess.TIMELINE_SKIPPED,
				"Survey '" + kind.value() + "' not sent: " + reason)
			.processInstance(execution.getProcessInstanceId()));
	}

}
