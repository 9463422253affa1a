package io.touchpoints.renewal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.SupportedLocales;
import io.touchpoints.helpdesk.OpenTickets;
import io.touchpoints.process.ProcessVariables;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;
import io.touchpoints.touchpoint.LocalizedDates;
import io.touchpoints.usage.DailyUsage;

/**
 * The value a customer got in this renewal cycle, for the value summary email: days their team used the product,
 * features used, onboarding milestones reached, support tickets resolved for them, and their last recommendation
 * score ("—" when they never gave one), over the term the cycle ends: from the renewal that began it (or the
 * subscription's start), at most a year back.
 */
@ModelBean
@Component("gatherValueSummaryDelegate")
class GatherValueSummaryDelegate implements JavaDelegate {

	private final RenewingSubscription renewing;

	private final DailyUsage usage;

	private final OpenTickets tickets;

	private final Timeline timeline;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	GatherValueSummaryDelegate(RenewingSubscription renewing, DailyUsage usage, OpenTickets tickets, Timeline timeline,
			JdbcTemplate jdbc, Clock clock) {
		this.renewing = renewing;
		this.usage = usage;
		this.tickets = tickets;
		this.timeline = timeline;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RenewingSubscription.Of renewal = renewing.of(execution);
		long customerId = renewal.customer().getId();
		Instant now = clock.instant();
		LocalDate since = since(execution, renewal);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Instant from = since.atStartOfDay(renewal.zone()).toInstant();
		execution.setVariable(ProcessVariables.VALUE_SINCE,
				LocalizedDates.longDate(since, Locale.forLanguageTag(SupportedLocales.languageFor(renewal.customer().getLocale()))));
		execution.setVariable(ProcessVariables.VALUE_ACTIVE_DAYS, usage.activeDays(customerId, since, today));
		execution.setVariable(ProcessVariables.VALUE_FEATURES_USED, usage.featuresUsed(customerId, since, today));
		execution.setVariable(ProcessVariables.VALUE_MILESTONES,
				timeline.count(customerId, TimelineKind.MILESTONE_REACHED, from, now));
		execution.setVariable(ProcessVariables.VALUE_TICKETS_RESOLVED, tickets.resolved(customerId, from, now));
		execution.setVariable(ProcessVariables.VALUE_LAST_NPS, lastNps(customerId));
	}

	private static LocalDate since(DelegateExecution execution, RenewingSubscription.Of renewal) {
		String termStartedOn = (String) execution.getVariable(ProcessVariables.TERM_STARTED_ON);
		return termStartedOn == null ? renewal.subscription().getStartDate() : LocalDate.parse(termStartedOn);
	}

	/**
	 * Read from the surveys' tables rather than through the survey journey, which a journey may not depend on; the
	 * columns read here are part of the survey figures' documented data (V11, V15).
	 */
	private String lastNps(long customerId) {
		List<Integer> scores = jdbc.queryForList("select r.score from survey_response r "
				+ "join survey_invitation i on i.id = r.invitation_id where i.customer_id = ? "
				+ "and i.kind in ('nps', 'relationship-nps') order by r.updated_at desc fetch first 1 rows only",
				Integer.class, customerId);
		return scores.isEmpty() ? "—" : String.valueOf(scores.get(0));
	}

}
