package io.touchpoints.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.touchpoint.CustomerEmails;
import io.touchpoints.touchpoint.LocalizedDates;

/**
 * Gathers what {@code survey-follow-up.dmn} decides on and what a call-back task shows, from the recorded answer
 * (the truth, whatever the message carried): {@code surveyScore}, {@code surveyComment}, {@code hasComment},
 * {@code customerName} (a call-back task is named after it), the
 * customer's {@code stage}, {@code tier} and {@code annualValue} (a number), {@code earlierAnswers}
 * (their answers to earlier surveys, newest first, in words) and {@code daysSinceLastPromoterInvitation} (whole
 * days since the promoter invitation, mail template {@value #PROMOTER_INVITATION}, was last sent to them; empty
 * when never).
 */
@ModelBean
@Component("gatherSurveyAnswerDelegate")
class GatherSurveyAnswerDelegate implements JavaDelegate {

	private static final int EARLIER_ANSWERS_SHOWN = 10;

	/** The mail template that invites a promoter to review us or refer someone. */
	static final String PROMOTER_INVITATION = "survey-thanks-promoter";

	private final Surveys surveys;

	private final CustomerRegistry customers;

	private final CustomerEmails emails;

	private final Clock clock;

	GatherSurveyAnswerDelegate(Surveys surveys, CustomerRegistry customers, CustomerEmails emails, Clock clock) {
		this.surveys = surveys;
		this.customers = customers;
		this.emails = emails;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String invitationId = (String) execution.getVariable(SurveyProcess.INVITATION);
		SurveyResponse response = surveys.response(invitationId)
			.orElseThrow(() -> new IllegalStateException("Survey invitation '" + invitationId + "' has no answer"));
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		List<Surveys.Answer> earlier = surveys.answersOf(customer.getId()).stream()
			.filter(answer -> !answer.invitation().id().equals(invitationId))
			.toList();
		execution.setVariable(SurveyProcess.SCORE, response.score());
		execution.setVariable(SurveyProcess.COMMENT, response.comment() == null ? "" : response.comment());
		execution.setVariable(SurveyProcess.HAS_COMMENT, response.comment() != null);
		execution.setVariable("customerName", customer.getName());
		execution.setVariable("stage", customer.getStage().value());
		execution.setVariable("tier", customer.getTier());
		execution.setVariable("annualValue", customer.getAnnualValue() == null ? null : customer.getAnnualValue().doubleValue());
		execution.setVariable("earlierAnswers", describe(earlier, ZoneId.of(customer.getTimeZone())));
		execution.setVariable("daysSinceLastPromoterInvitation", emails.lastSent(customer.getId(), PROMOTER_INVITATION)
			.map(at -> (int) Duration.between(at, clock.instant()).toDays())
			.orElse(null));
	}

	private static String describe(List<Surveys.Answer> answers, ZoneId zone) {
		if (answers.isEmpty()) {
			return "None: this is their first answer.";
		}
		return answers.stream()
			.limit(EARLIER_ANSWERS_SHOWN)
			.map(answer -> LocalizedDates.longDate(answer.response().answeredAt().atZone(zone).toLocalDate(), Locale.ENGLISH)
					+ " · " + answer.invitation().kind().value() + " · " + answer.response().score() + " of "
					+ answer.invitation().kind().highest()
					+ (answer.response().comment() == null ? "" : " · “" + answer.response().comment() + "”"))
			.collect(Collectors.joining("\n"));
	}

}
