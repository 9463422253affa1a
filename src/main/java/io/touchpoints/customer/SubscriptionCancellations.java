package io.touchpoints.customer;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.system.NotFoundException;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Cancels subscriptions as billing reports it; {@link SubscriptionCancelled} tells the journeys, saying whether
 * the customer has anything active left (the lifecycle moves them to win-back when not). Cancelling twice changes
 * nothing.
 */
@Service
public class SubscriptionCancellations {

	private final Subscriptions subscriptions;

	private final CustomerRegistry customers;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriptionCancellations(Subscriptions subscriptions, CustomerRegistry customers,
			Timeline timeline, ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.customers = customers;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Subscription cancel(String purchaseId, String reason) {
		Subscription subscription = subscriptions.findByPurchaseId(purchaseId)
			.orElseThrow(() -> new NotFoundException("purchaseId", "No subscription with purchaseId '" + purchaseId + "'"));
		Instant now = clock.instant();
		if (!subscription.cancel(now, reason)) {
			return subscription;
		}
		subscription = subscriptions.save(subscription);
		Customer customer = customers.findById(subscription.getCustomerId().getId()).orElseThrow();
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.SUBSCRIPTION_CANCELLED,
				"Subscription '" + purchaseId + "' cancelled")
			.detail(reason)
			.reference(purchaseId));
		boolean nothingActive = subscriptions.findAllOfCustomer(customer.getId())
			.stream()
			.noneMatch(other -> other.getStatus() == Subscription.Status.ACTIVE);
		events.publishEvent(new SubscriptionCancelled(customer.getId(), customer.getExternalRef(), purchaseId, now, reason,
				nothingActive));
		return subscription;
	}

}
