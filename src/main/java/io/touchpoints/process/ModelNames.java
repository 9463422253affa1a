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

	/** To the journeys of one subscription: it was cancelled. */
	public static final String SUBSCRIPTION_CANCELLED = "SubscriptionCancelled";

	private ModelNames() {
	}

}
