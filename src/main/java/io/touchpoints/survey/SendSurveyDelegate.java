package io.touchpoints.survey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.process.DelegateInputs;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.touchpoint.CustomerEmail;
import io.touchpoints.touchpoint.CustomerEmails;
import io.touchpoints.touchpoint.DeliveryOutcome;

/**
 * Invites the customer to the survey {@code surveyKind} names: records the invitation (its links work for
 * {@code validFor}, an ISO-8601 duration) and emails the question with a one-click link per score, once, in the
 * customer's language and daytime. Writes {@code surveySent}, {@code surveyInvitation} and {@code surveyExpiresAt}.
 * When the email is skipped (the customer opted out meanwhile, or the weekly cap), the invitation is withdrawn and
 * the reason written on the timeline. Just before sending, under the customer's survey lock, {@code survey-rules.dmn}
 * is asked again: another survey may have gone out since the model asked (two decided at once, both waiting for
 * the customer's morning), and then this one is not sent, with the table's reason.
 */
@ModelBean
@Component("sendSurveyDelegate")
class SendSurveyDelegate implements JavaDelegate {

	static final String VALID_FOR = "validFor";

	private final CustomerRegistry customers;

	private final Surveys surveys;

	private final SurveyLinks links;

	private final CustomerEmails emails;

	private final Timeline timeline;

	private final SurveyRules rules;

	private final Clock clock;

	SendSurveyDelegate(CustomerRegistry customers, Surveys surveys, SurveyLinks links, CustomerEmails emails,
			Timeline timeline, SurveyRules rules, Clock clock) {
		this.customers = customers;
		this.surveys = surveys;
		this.links = links;
		this.emails = emails;
		this.timeline = timeline;
		this.rules = rules;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Duration validFor = validFor(execution);
		SurveyKind kind = SurveyProcess.kindOf(execution.getVariable(SurveyProcess.KIND));
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		Instant now = clock.instant();
		String invitationId = invitationOf(execution.getProcessInstanceId());
		String key = "survey:" + invitationId;
		// An earlier attempt whose email went out has put its links in the customer's hands: it is sent, whatever came since.
		if (!emails.wasSent(key)) {
			surveys.lockCustomer(customer.getId());
			Optional<String> refusal = rules.refusal(customer, kind);
			if (refusal.isPresent()) {
				notSent(execution, customer, kind, refusal.get());
				return;
			}
		}
		SurveyInvitation invitation = new SurveyInvitation(invitationId, customer.getId(), kind,
				customer.getStage().value(), execution.getProcessInstanceId(), now, now.plus(validFor), null);
		surveys.invite(invitation);
		DeliveryOutcome outcome = emails.send(CustomerEmail.of(customer.getExternalRef(), kind.template(), key)
			.fromProcess(execution.getProcessInstanceId(), execution.getVariables())
			.with(links.templateValues(invitation, customer), List.of()));
		// An earlier attempt may have skipped it (its record commits on its own): done, but not sent.
		boolean sent = outcome == DeliveryOutcome.SENT || outcome == DeliveryOutcome.ALREADY_DONE && emails.wasSent(key);
		if (!sent) {
			surveys.withdraw(invitationId);
			notSent(execution, customer, kind, "its email was skipped (opted out or weekly cap reached)");
			return;
		}
		execution.setVariable(SurveyProcess.SENT, true);
		execution.setVariable(SurveyProcess.INVITATION, invitationId);
		execution.setVariable(SurveyProcess.EXPIRES_AT, Date.from(surveys.find(invitationId)
			.map(SurveyInvitation::expiresAt)
			.orElse(invitation.expiresAt())));
	}

	private void notSent(DelegateExecution execution, Customer customer, SurveyKind kind, String why) {
		timeline.record(Timeline.Entry.of(customer.getId(), SurveyProcess.TIMELINE_SKIPPED,
				"Survey '" + kind.value() + "' not sent: " + why)
			.processInstance(execution.getProcessInstanceId()));
		execution.setVariable(SurveyProcess.SENT, false);
		execution.setVariable(SurveyProcess.INVITATION, null);
		execution.setVariable(SurveyProcess.EXPIRES_AT, null);
	}


	/** One invitation per dispatch: a retried dispatch reuses the id its links (maybe already sent) name. */
	static String invitationOf(String processInstanceId) {
		return UUID.nameUUIDFromBytes(("survey:" + processInstanceId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static Duration validFor(DelegateExecution execution) {
		String value = DelegateInputs.required(execution, VALID_FOR);
		try {
			Duration duration = Duration.parse(value);
			if (duration.compareTo(Duration.ofDays(1)) < 0 || duration.compareTo(Duration.ofDays(366)) > 0) {
				throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
						+ "': input parameter '" + VALID_FOR + "' must be between P1D and P366D, not '" + value + "'");
			}
			return duration;
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName() + "': input parameter '"
					+ VALID_FOR + "' must be an ISO-8601 duration in days such as P30D, not '" + value + "'");
		}
	}

}
