package io.touchpoints.touchpoint;

/** What became of a touchpoint email; a deferral is not an outcome but a {@code JobDeferredException}. */
public enum DeliveryOutcome {

	/** Handed to SMTP now. */
	SENT,
	/** Sent, or skipped, by an earlier attempt under the same idempotency key; nothing was sent now. */
	ALREADY_DONE,
	/** Not sent, by the customer's choice or the frequency cap; the journey goes on. */
	SKIPPED

}
