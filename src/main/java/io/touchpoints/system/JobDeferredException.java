package io.touchpoints.system;

import java.time.Instant;

/**
 * Thrown by a job that must not run yet (an email in the customer's quiet hours, say). The job is not failed:
 * its due date moves to {@code notBefore}, its retries stay as they were, and no incident is raised.
 */
public class JobDeferredException extends RuntimeException {

	private final Instant notBefore;

	public JobDeferredException(Instant notBefore, String reason) {
		super("Deferred until " + notBefore + ": " + reason);
		this.notBefore = notBefore;
	}

	public Instant notBefore() {
		return notBefore;
	}

}
