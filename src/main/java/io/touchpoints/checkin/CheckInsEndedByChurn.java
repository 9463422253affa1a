package io.touchpoints.checkin;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.SubscriptionCancelled;

/**
 * A customer whose last active subscription is cancelled has nobody to meet: their scheduled check-ins are
 * cancelled, so their calendar loses the entries it was sent (a cancellation, METHOD:CANCEL) and nobody waits on a
 * call that will not happen. Their CSM's check-in tasks have already ended with the rest of their cycle.
 */
@Component
class CheckInsEndedByChurn {

	static final String REASON = "the customer's last active subscription was cancelled";

	private final CheckIns checkIns;

	private final CheckInChanges changes;

	private final Clock clock;

	CheckInsEndedByChurn(CheckIns checkIns, CheckInChanges changes, Clock clock) {
		this.checkIns = checkIns;
		this.changes = changes;
		this.clock = clock;
	}

	// After the lifecycle's listener, which ends the check-in tasks with everything else of the cycle.
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	void on(SubscriptionCancelled cancelled) {
		if (cancelled.lastActive()) {
			checkIns.findScheduledOfCustomerAfter(cancelled.customerId(), clock.instant())
				.forEach(checkIn -> changes.cancel(checkIn.getId(), REASON, "Touchpoints"));
		}
	}

}
