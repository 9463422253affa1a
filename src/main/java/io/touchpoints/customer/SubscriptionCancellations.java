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
 * Cancels subscriptions as billing reports it. The customer moves to win-back when nothing else is active, and
 * {@link SubscriptionCancelled} tells the journeys. Cancelling twice changes nothing.
 */
@Service
public class SubscriptionCancellations {

	private final Subscriptions subscriptions;

	private final CustomerRegistry customers;

	private final LifecycleStages stages;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriptionCancellations(Subscriptions subscriptions, CustomerRegistry customers, LifecycleStages stages,
			Timeline timeline, ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.customers = customers;
		this.stages = stages;
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
		if (nothingActive) {
			stages.moveTo(customer, LifecycleStage.WINBACK, "subscription " + purchaseId + " cancelled");
		}
		events.publishEvent(new SubscriptionCancelled(customer.getId(), customer.getExternalRef(), purchaseId, now, reason));
		return subscription;
	}

}
