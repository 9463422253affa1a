package io.touchpoints.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.helpdesk.OpenTickets;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.touchpoint.CustomerEmails;
import io.touchpoints.touchpoint.EmailCategory;

/**
 * Looks up what {@code survey-rules.dmn} decides on: whole days since the customer's last survey invitation of
 * any kind ({@code daysSinceLastSurvey}), of this kind ({@code daysSinceLastOfKind}) and of another kind
 * ({@code daysSinceLastOtherKind}), each null when never;
 * whether a support ticket of theirs is open ({@code openTicket}); whether they opted out of survey emails
 * ({@code optedOut}); their lifecycle stage ({@code customerStage}). Notes when it looked ({@code surveyCheckedAt}):
 * a survey of the same kind sent after that was decided alongside this one, and only the first goes.
 */
@ModelBean
@Component("checkSurveyHistoryDelegate")
class CheckSurveyHistoryDelegate implements JavaDelegate {

	private final CustomerRegistry customers;

	private final Surveys surveys;

	private final OpenTickets tickets;

	private final CustomerEmails emails;

	private final Clock clock;

	CheckSurveyHistoryDelegate(CustomerRegistry customers, Surveys surveys, OpenTickets tickets, CustomerEmails emails,
			Clock clock) {
		this.customers = customers;
		this.surveys = surveys;
		this.tickets = tickets;
		this.emails = emails;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SurveyKind kind = SurveyProcess.kindOf(execution.getVariable(SurveyProcess.KIND));
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		Instant now = clock.instant();
		Surveys.History history = surveys.history(customer.getId(), kind);
		execution.setVariable("daysSinceLastSurvey", history.lastSurvey().map(last -> days(last, now)).orElse(null));
		execution.setVariable("daysSinceLastOfKind", history.lastOfKind().map(last -> days(last, now)).orElse(null));
		execution.setVariable("daysSinceLastOtherKind", history.lastOfOtherKind().map(last -> days(last, now)).orElse(null));
		execution.setVariable("openTicket", tickets.any(customer.getId()));
		execution.setVariable("optedOut", emails.optedOut(customer.getId(), EmailCategory.SURVEYS));
		execution.setVariable("customerStage", customer.getStage().value());
		execution.setVariable(SurveyProcess.CHECKED_AT, Date.from(now));
	}

	private static Integer days(Instant last, Instant now) {
		return (int) Duration.between(last, now).toDays();
	}

}
