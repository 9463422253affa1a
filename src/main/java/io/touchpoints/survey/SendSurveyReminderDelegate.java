package io.touchpoints.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.touchpoint.CustomerEmail;
import io.touchpoints.touchpoint.CustomerEmails;
import io.touchpoints.touchpoint.DeliveryOutcome;
import io.touchpoints.touchpoint.OnCap;

/**
 * Reminds the customer of the survey {@code surveyInvitation} names, with the same links, once; not when they
 * have answered (then {@code surveyAnswered} is set and {@code surveyScore} holds their score) nor once the links
 * have expired. A reminder the weekly cap would hold back is skipped rather than deferred.
 */
@ModelBean
@Component("sendSurveyReminderDelegate")
class SendSurveyReminderDelegate implements JavaDelegate {

	private final CustomerRegistry customers;

	private final Surveys surveys;

	private final SurveyLinks links;

	private final CustomerEmails emails;

	private final Clock clock;

	SendSurveyReminderDelegate(CustomerRegistry customers, Surveys surveys, SurveyLinks links,
			CustomerEmails emails, Clock clock) {
		this.customers = customers;
		this.surveys = surveys;
		this.links = links;
		this.emails = emails;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String invitationId = (String) execution.getVariable(SurveyProcess.INVITATION);
		SurveyInvitation invitation = surveys.find(invitationId)
			.orElseThrow(() -> new IllegalStateException("Survey invitation '" + invitationId + "' is not recorded"));
		var response = surveys.response(invitationId);
		if (response.isPresent()) {
			execution.setVariable(SurveyProcess.ANSWERED, true);
			execution.setVariable(SurveyProcess.SCORE, response.get().score());
			return;
		}
		Instant now = clock.instant();
		if (invitation.expiredAt(now)) {
			return;
		}
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		DeliveryOutcome outcome = emails.send(CustomerEmail
			.of(customer.getExternalRef(), invitation.kind().reminderTemplate(), "survey-reminder:" + invitationId)
			.onCap(OnCap.SKIP)
			.fromProcess(execution.getProcessInstanceId(), execution.getVariables())
			.with(links.templateValues(invitation, customer), List.of()));
		if (outcome != DeliveryOutcome.SKIPPED) {
			surveys.reminded(invitationId, now);
		}
	}

}
