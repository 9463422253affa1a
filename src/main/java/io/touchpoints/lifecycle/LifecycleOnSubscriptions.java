package io.touchpoints.lifecycle;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.SubscriptionCancelled;
import io.touchpoints.customer.SubscriptionJourneys;
import io.touchpoints.customer.SubscriptionRenewed;
import io.touchpoints.customer.SubscriptionStarted;

/**
 * How purchases, renewals and cancellations move a customer through their lifecycle: a first purchase starts it, a
 * purchase after churning brings them back, a purchase while they are a customer is an expansion that starts nothing,
 * a renewal reaches the lifecycle where it waits for one, and the cancellation of their last active subscription ends everything of the cycle at once. Runs before other
 * journeys hear the same events, so that what churn ends is gone before they look.
 */
@Component
class LifecycleOnSubscriptions {

	private final CustomerLifecycles lifecycles;

	private final SubscriptionJourneys subscriptionJourneys;

	private final CustomerRegistry customers;

	LifecycleOnSubscriptions(CustomerLifecycles lifecycles, SubscriptionJourneys subscriptionJourneys,
			CustomerRegistry customers) {
		this.lifecycles = lifecycles;
		this.subscriptionJourneys = subscriptionJourneys;
		this.customers = customers;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(SubscriptionStarted purchase) {
		var running = lifecycles.runningOf(purchase.customerRef());
		if (running.isEmpty() && purchase.expansion()) {
			// A customer onboarded before lifecycles existed: they join one when they churn, not on an expansion.
			return;
		}
		if (running.isEmpty()) {
			subscriptionJourneys.joinedLifecycle(purchase.purchaseId(), lifecycles.start(purchase));
			return;
		}
		if (!purchase.expansion()) {
			// They had churned: their lifecycle waits in win-back for exactly this.
			lifecycles.reenter(purchase);
		}
		subscriptionJourneys.joinedLifecycle(purchase.purchaseId(), running.get());
	}

	@EventListener
	void on(SubscriptionRenewed renewal) {
		lifecycles.renewed(renewal);
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(SubscriptionCancelled cancelled) {
		if (!cancelled.lastActive()) {
			return;
		}
		lifecycles.churn(cancelled.customerRef());
		if (lifecycles.runningOf(cancelled.customerRef()).isEmpty()) {
			String name = customers.findById(cancelled.customerId()).map(customer -> customer.getName()).orElse("");
			lifecycles.startAtWinback(cancelled.customerRef(), name);
		}
	}

}
