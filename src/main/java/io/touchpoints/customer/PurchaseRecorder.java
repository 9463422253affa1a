package io.touchpoints.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.system.ConflictException;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Records a purchase as a subscription and tells the journeys ({@link SubscriptionStarted}), in one transaction:
 * the subscription, its timeline entry and whatever the journeys start are all written, or none is. A purchase id
 * seen before records nothing and tells nobody.
 */
@Service
class PurchaseRecorder {

	private final CustomerRegistry customers;

	private final Subscriptions subscriptions;

	private final SubscriptionLedger ledger;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PurchaseRecorder(CustomerRegistry customers, Subscriptions subscriptions, SubscriptionLedger ledger,
			Timeline timeline, ApplicationEventPublisher events, Clock clock) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.ledger = ledger;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	/** The subscription behind a purchase and whether this request recorded it. */
	record Recorded(Subscription subscription, boolean created) {
	}

	@Transactional
	Recorded record(String customerRef, PurchaseRequest purchase) {
		Customer customer = customers.require(customerRef, "externalRef");
		var existing = subscriptions.findByPurchaseId(purchase.purchaseId());
		if (existing.isPresent()) {
			return new Recorded(sameAsRecorded(existing.get(), customer, purchase), false);
		}
		boolean expansion = subscriptions.findAllOfCustomer(customer.getId())
			.stream()
			.anyMatch(other -> other.getStatus() == Subscription.Status.ACTIVE);
		Subscription subscription = subscriptions.save(Subscription.start(customer.getId(), purchase.purchaseId(),
				purchase.terms(), purchase.startDate(), purchase.isMigrating(), clock.instant()));
		ledger.record(subscription, SubscriptionLedger.Kind.STARTED, purchase.startDate(), null, clock.instant());
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.PURCHASE_RECORDED, "Purchase '"
				+ purchase.purchaseId() + "' of plan " + purchase.plan() + " recorded"
				+ (expansion ? ": an expansion, renewing on " + purchase.renewalDate() : ", renewing on " + purchase.renewalDate()))
			.reference(purchase.purchaseId()));
		events.publishEvent(new SubscriptionStarted(customer.getId(), customerRef, customer.getName(),
				purchase.purchaseId(), purchase.plan(), purchase.startDate(), purchase.renewalDate(),
				purchase.isMigrating(), expansion, clock.instant()));
		return new Recorded(subscriptions.findByPurchaseId(purchase.purchaseId()).orElseThrow(), true);
	}

	/** A purchase sent again must be the purchase as it was made, whatever billing changed since. */
	private Subscription sameAsRecorded(Subscription recorded, Customer customer, PurchaseRequest purchase) {
		List<FieldProblem> differences = new ArrayList<>();
		if (!Objects.equals(recorded.getCustomerId().getId(), customer.getId())) {
			differences.add(new FieldProblem("purchaseId", "was recorded for another customer"));
		}
		if (!recorded.getStartDate().equals(purchase.startDate())) {
			differences.add(new FieldProblem("startDate", "differs from the recorded " + recorded.getStartDate()));
		}
		SubscriptionTerms started = ledger.startedOn(recorded);
		SubscriptionTerms requested = purchase.terms();
		// A purchase recorded before it could carry a value or seats (or sent without them) is not told apart by them.
		differences.addAll(SubscriptionTermsDifferences.between(new SubscriptionTerms(started.plan(),
				started.renewalDate(), started.annualValue() == null ? requested.annualValue() : started.annualValue(),
				started.seats() == null ? requested.seats() : started.seats()), requested));
		if (recorded.isMigrating() != purchase.isMigrating()) {
			differences.add(new FieldProblem("migrating", "differs from the recorded " + recorded.isMigrating()));
		}
		if (!differences.isEmpty()) {
			throw new ConflictException("Purchase '" + purchase.purchaseId()
					+ "' was already recorded with other details; a purchase id identifies one purchase", differences);
		}
		return recorded;
	}

}
