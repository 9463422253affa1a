package io.touchpoints.survey;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.timeline.Timeline;

/**
 * Writes what a detractor's call back found on the customer's timeline: whether they were reached, the root cause,
 * whether it is resolved (the {@code reached}, {@code rootCause} and {@code resolved} the call-back form records),
 * with the notes ({@code outcome}) as detail. Once per dispatch.
 */
@ModelBean
@Component("recordCallBackDelegate")
class RecordCallBackDelegate implements JavaDelegate {

	private final CustomerRegistry customers;

	private final Timeline timeline;

	RecordCallBackDelegate(CustomerRegistry customers, Timeline timeline) {
		this.customers = customers;
		this.timeline = timeline;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		List<String> found = new ArrayList<>();
		found.add("yes".equals(execution.getVariable("reached")) ? "reached" : "not reached");
		Object rootCause = execution.getVariable("rootCause");
		if (rootCause != null && !rootCause.toString().isBlank()) {
			found.add("root cause '" + rootCause + "'");
		}
		found.add(Boolean.TRUE.equals(execution.getVariable("resolved")) ? "resolved" : "not resolved");
		Object notes = execution.getVariable("outcome");
		timeline.record(Timeline.Entry.of(customer.getId(), SurveyProcess.TIMELINE_CALLED_BACK,
				"Called back after the '" + execution.getVariable(SurveyProcess.KIND) + "' survey: " + String.join(", ", found))
			.detail(notes == null || notes.toString().isBlank() ? null : notes.toString())
			.processInstance(execution.getProcessInstanceId())
			.reference(execution.getProcessInstanceId()));
	}

}
