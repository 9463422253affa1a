package io.touchpoints.touchpoint;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.process.DelegateInputs;
import io.touchpoints.sandbox.ModelBean;

/**
 * Sends mail template {@code templateId} to the customer of the process instance (its business key), in their
 * language, at most once, respecting their opt-outs, quiet hours and frequency cap ({@code onCap}: defer or
 * skip). Modeled with {@code asyncBefore}, so each send is its own job: an SMTP failure is retried and ends as an
 * incident, a deferral moves the job's due date, and nothing is lost. Writes {@code emailOutcome}.
 */
@ModelBean
@Component("sendEmailDelegate")
class SendEmailDelegate implements JavaDelegate {

	static final String TEMPLATE_ID = "templateId";

	static final String ON_CAP = "onCap";

	private final CustomerEmails customerEmails;

	SendEmailDelegate(CustomerEmails customerEmails) {
		this.customerEmails = customerEmails;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CustomerEmail email = CustomerEmail
			.of(execution.getProcessBusinessKey(), DelegateInputs.required(execution, TEMPLATE_ID), IdempotencyKeys.of(execution))
			.onCap(OnCap.parse(execution.getVariableLocal(ON_CAP)))
			.fromProcess(execution.getProcessInstanceId(), execution.getVariables());
		DeliveryOutcome outcome = customerEmails.send(email);
		execution.setVariableLocal("emailOutcome", outcome.name().toLowerCase(Locale.ROOT));
	}

}
