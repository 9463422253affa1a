package io.touchpoints.process;

/**
 * Process ids and message names that code relies on, as the models in {@code processes/} spell them and
 * {@code processes/README.md} lists them; renaming one in a model breaks the code that uses it.
 */
public final class ModelNames {

	public static final String CUSTOMER_LIFECYCLE = "customer-lifecycle";

	public static final String CUSTOMER_ONBOARDING = "customer-onboarding";

	/** A lifecycle stage's NPS fell below its band: a task and an email for cx-ops (started by the daily check). */
	public static final String NPS_BELOW_BAND = "nps-below-band";

	/** A person's task that no journey waits for (follow-ups, check-ins, escalations). */
	public static final String FOLLOW_UP_TASK = "follow-up-task";

	/** One per subscription and renewal date: reminders before it, and what happens when it passes. */
	public static final String RENEWAL = "renewal";

	/** To a customer's lifecycle and open follow-up tasks: their last active subscription was cancelled. */
	public static final String CUSTOMER_CHURNED = "CustomerChurned";

	/** To a customer's lifecycle waiting in win-back: they purchased again. */
	public static final String SUBSCRIPTION_STARTED = "SubscriptionStarted";

	/** To a journey's task waiting for a milestone (its local {@code milestone} variable names which). */
	public static final String MILESTONE_REACHED = "MilestoneReached";

	/** To a customer's lifecycle: a support ticket of theirs was resolved (its event sub-process may ask for a CSAT). */
	public static final String SUPPORT_TICKET_RESOLVED = "SupportTicketResolved";

	/** To the customer's lifecycle: billing reported a renewal. */
	public static final String SUBSCRIPTION_RENEWED = "SubscriptionRenewed";

	/** To a subscription's renewal journey: billing reported the renewal; the next cycle starts. */
	public static final String RENEWAL_REPORTED = "RenewalReported";

	/** To a subscription's renewal journey: the subscription was cancelled (at once or as of the end of its term). */
	public static final String RENEWAL_CANCELLED = "RenewalCancelled";

	/** From a renewal journey to the customer's lifecycle: a renewal is near (the customer moves to stage renewal). */
	public static final String RENEWAL_DUE = "RenewalDue";

	/** To the journeys of one subscription: it was cancelled. */
	public static final String SUBSCRIPTION_CANCELLED = "SubscriptionCancelled";

	private ModelNames() {
	}

}
