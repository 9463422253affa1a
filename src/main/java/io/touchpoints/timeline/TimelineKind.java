package io.touchpoints.timeline;

/** The kinds of timeline entries; the API shows them as these strings. */
public final class TimelineKind {

	public static final String PURCHASE_RECORDED = "purchase.recorded";

	public static final String STAGE_CHANGED = "stage.changed";

	public static final String EMAIL_SENT = "email.sent";

	public static final String EMAIL_DEFERRED = "email.deferred";

	public static final String EMAIL_SKIPPED = "email.skipped";

	public static final String TASK_CREATED = "task.created";

	public static final String TASK_COMPLETED = "task.completed";

	public static final String TASK_ESCALATED = "task.escalated";

	public static final String CHECK_IN_SCHEDULED = "check-in.scheduled";

	public static final String CHECK_IN_RESCHEDULED = "check-in.rescheduled";

	public static final String CHECK_IN_CANCELLED = "check-in.cancelled";

	public static final String SIGNAL_RECEIVED = "signal.received";

	public static final String MILESTONE_REACHED = "milestone.reached";

	public static final String ONBOARDING_COMPLETED = "onboarding.completed";

	public static final String SUBSCRIPTION_CHANGED = "subscription.changed";

	public static final String SUBSCRIPTION_RENEWED = "subscription.renewed";

	public static final String SUBSCRIPTION_CANCELLATION_SCHEDULED = "subscription.cancellation-scheduled";

	public static final String SUBSCRIPTION_CANCELLED = "subscription.cancelled";

	public static final String RENEWAL_REMINDER_MOVED = "renewal.reminder-moved";

	public static final String PREFERENCES_CHANGED = "preferences.changed";

	private TimelineKind() {
	}

}
