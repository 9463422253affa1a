package io.touchpoints.process;

import java.util.Set;

/** Names of process variables that code and models share; renaming one breaks deployed models. */
public final class ProcessVariables {

	public static final String CUSTOMER_REF = "customerRef";

	public static final String CUSTOMER_NAME = "customerName";

	public static final String PURCHASE_ID = "purchaseId";

	public static final String PLAN = "plan";

	public static final String MIGRATING = "migrating";

	/** Set when an onboarding completes; the lifecycle reads it to move the customer on. */
	public static final String ONBOARDING_COMPLETED = "onboardingCompleted";

	/** Set by the kickoff call form. */
	public static final String CALL_DATE = "callDate";

	/** Set by the kickoff call form. */
	public static final String NOTES = "notes";

	/** Set by the kickoff call form. */
	public static final String MIGRATION_NEEDED = "migrationNeeded";

	/** The renewal journey's cycle: 1 for a subscription's first term, one more with each renewal. */
	public static final String RENEWAL_CYCLE = "renewalCycle";

	/** The renewal date the renewal journey's cycle leads to (ISO date); kept current when billing moves it. */
	public static final String RENEWAL_DATE = "renewalDate";

	/** The first day of the term the renewal journey's cycle ends (ISO date): where its value summary counts from. */
	public static final String TERM_STARTED_ON = "termStartedOn";

	/** When the renewal journey's cycle started: reminders due before it are skipped, not sent late. */
	public static final String CYCLE_STARTED_AT = "cycleStartedAt";

	/** When the renewal reminder the journey waits for falls due (a date), and what it was planned from. */
	public static final String REMINDER_AT = "reminderAt";

	/** The same moment as the customer reads it ("2027-08-25 09:00 America/Los_Angeles"), for Cockpit. */
	public static final String REMINDER_AT_LOCAL = "reminderAtLocal";

	public static final String REMINDER_DAYS_BEFORE = "reminderDaysBefore";

	public static final String REMINDER_LOCAL_TIME = "reminderLocalTime";

	/** Whether the reminder just planned falls within this cycle (false: it fell before the cycle began). */
	public static final String REMINDER_DUE = "reminderDue";

	/** The value summary of a renewal cycle, for its email. */
	public static final String VALUE_SINCE = "valueSince";

	public static final String VALUE_ACTIVE_DAYS = "valueActiveDays";

	public static final String VALUE_FEATURES_USED = "valueFeaturesUsed";

	public static final String VALUE_MILESTONES = "valueMilestones";

	public static final String VALUE_TICKETS_RESOLVED = "valueTicketsResolved";

	public static final String VALUE_LAST_NPS = "valueLastNps";

	/** The process variables mail templates may show as {@code {{process.<name>}}}. */
	public static final Set<String> FOR_TEMPLATES = Set.of(PLAN, PURCHASE_ID, CALL_DATE, VALUE_SINCE, VALUE_ACTIVE_DAYS,
			VALUE_FEATURES_USED, VALUE_MILESTONES, VALUE_TICKETS_RESOLVED, VALUE_LAST_NPS);

	private ProcessVariables() {
	}

}
