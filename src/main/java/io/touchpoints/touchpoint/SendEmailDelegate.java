package io.touchpoints.touchpoint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the mail template named by input {@code templateId} to the customer of the process instance
 * (its business key), in the customer's language. Modeled with {@code asyncBefore}, so each send is its
 * own job: an SMTP failure is retried and ends as an incident, never as a lost email.
 */
@Component("sendEmailDelegate")
class SendEmailDelegate implements JavaDelegate {

	static final String TEMPLATE_ID = "templateId";

	private final CustomerEmails customerEmails;

	SendEmailDelegate(CustomerEmails customerEmails) {
		this.customerEmails = customerEmails;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object templateId = execution.getVariableLocal(TEMPLATE_ID);
		if (!(templateId instanceof String id) || id.isBlank()) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "' needs input parameter '" + TEMPLATE_ID + "' naming a mail template");
		}
		String idempotencyKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
		customerEmails.send(execution.getProcessBusinessKey(), id, idempotencyKey);
	}

}
