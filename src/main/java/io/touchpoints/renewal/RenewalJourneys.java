package io.touchpoints.renewal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.CancellationScheduled;
import io.touchpoints.customer.SubscriptionCancelled;
import io.touchpoints.customer.SubscriptionChanged;
import io.touchpoints.customer.SubscriptionRenewed;
import io.touchpoints.customer.SubscriptionStarted;
import io.touchpoints.process.ModelNames;

/**
 * How subscriptions drive their renewal journeys, in the transaction that records each change: a purchase (also an
 * expansion) starts its first cycle, a renewal ends the cycle and starts the next, a cancellation ends it (also one
 * as of the end of the term: nobody reminds a customer who has cancelled), and a moved renewal date moves the
 * reminder the cycle waits for.
 */
@Component
class RenewalJourneys {

	private final RenewalCycles cycles;

	private final RenewalDates dates;

	private final RenewingSubscription renewing;

	RenewalJourneys(RenewalCycles cycles, RenewalDates dates, RenewingSubscription renewing) {
		this.cycles = cycles;
		this.dates = dates;
		this.renewing = renewing;
	}

	@EventListener
	void on(SubscriptionStarted purchase) {
		cycles.startFirst(renewing.of(purchase.purchaseId()).subscription(), purchase.customerRef(),
				purchase.customerName());
	}

	@EventListener
	void on(SubscriptionRenewed renewal) {
		RenewingSubscription.Of renewed = renewing.of(renewal.purchaseId());
		cycles.startNext(renewed.subscription(), renewal.customerRef(), renewed.customer().getName(),
				renewal.before().renewalDate());
	}

	@EventListener
	void on(CancellationScheduled cancellation) {
		cycles.end(cancellation.purchaseId(), ModelNames.RENEWAL_CANCELLED);
	}

	@EventListener
	void on(SubscriptionCancelled cancellation) {
		cycles.end(cancellation.purchaseId(), ModelNames.RENEWAL_CANCELLED);
	}

	@EventListener
	void on(SubscriptionChanged change) {
		if (change.renewalDateMoved()) {
			dates.moved(change.purchaseId());
		}
	}

}
