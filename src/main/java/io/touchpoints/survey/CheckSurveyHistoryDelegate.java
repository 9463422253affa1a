package io.touchpoints.survey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.sandbox.ModelBean;

/**
 * Looks up what {@code survey-rules.dmn} decides on ({@link SurveyRules#inputs}): whole days since the customer's
 * last survey invitation of any kind ({@code daysSinceLastSurvey}), of this kind ({@code daysSinceLastOfKind}) and
 * of another kind ({@code daysSinceLastOtherKind}), each null when never; whether a support ticket of theirs is
 * open ({@code openTicket}); whether they opted out of survey emails ({@code optedOut}); their lifecycle stage
 * ({@code customerStage}).
 */
@ModelBean
@Component("checkSurveyHistoryDelegate")
class CheckSurveyHistoryDelegate implements JavaDelegate {

	private final CustomerRegistry customers;

	private final SurveyRules rules;

	CheckSurveyHistoryDelegate(CustomerRegistry customers, SurveyRules rules) {
		this.customers = customers;
		this.rules = rules;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SurveyKind kind = SurveyProcess.kindOf(execution.getVariable(SurveyProcess.KIND));
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		execution.setVariables(rules.inputs(customer, kind));
	}

}
