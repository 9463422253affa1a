package io.touchpoints.onboarding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.LifecycleStage;
import io.touchpoints.customer.LifecycleStages;
import io.touchpoints.customer.Subscription;
import io.touchpoints.customer.Subscriptions;
import io.touchpoints.system.ConflictException;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Records a purchase and starts the customer's onboarding in one transaction: the subscription, the stage
 * change and the process instance are all written, or none is. A purchase id seen before starts nothing.
 */
@Service
class PurchaseRecorder {

	private final CustomerRegistry customers;

	private final Subscriptions subscriptions;

	private final CustomerOnboarding onboarding;

	private final LifecycleStages stages;

	private final Timeline timeline;

	private final Clock clock;

	PurchaseRecorder(CustomerRegistry customers, Subscriptions subscriptions, CustomerOnboarding onboarding,
			LifecycleStages stages, Timeline timeline, Clock clock) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.onboarding = onboarding;
		this.stages = stages;
		this.timeline = timeline;
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
		Subscription subscription = subscriptions.save(Subscription.start(customer.getId(), purchase.purchaseId(),
				purchase.plan(), purchase.startDate(), purchase.renewalDate(), purchase.isMigrating(), clock.instant()));
		stages.moveTo(customer, LifecycleStage.ONBOARDING, "purchase " + purchase.purchaseId());
		String processInstanceId = onboarding.start(new CustomerOnboarding.Start(customer.getId(), customerRef,
				customer.getName(), purchase.purchaseId(), purchase.plan(), purchase.isMigrating()));
		subscription.journeyStarted(processInstanceId);
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.PURCHASE_RECORDED, "Purchase '"
				+ purchase.purchaseId() + "' of plan " + purchase.plan() + " recorded; onboarding started")
			.processInstance(processInstanceId)
			.reference(purchase.purchaseId()));
		return new Recorded(subscriptions.save(subscription), true);
	}

	private static Subscription sameAsRecorded(Subscription recorded, Customer customer, PurchaseRequest purchase) {
		List<FieldProblem> differences = new ArrayList<>();
		if (!Objects.equals(recorded.getCustomerId().getId(), customer.getId())) {
			differences.add(new FieldProblem("purchaseId", "was recorded for another customer"));
		}
		if (!recorded.getPlan().equals(purchase.plan())) {
			differences.add(new FieldProblem("plan", "differs from the recorded '" + recorded.getPlan() + "'"));
		}
		if (!recorded.getStartDate().equals(purchase.startDate())) {
			differences.add(new FieldProblem("startDate", "differs from the recorded " + recorded.getStartDate()));
		}
		if (!recorded.getRenewalDate().equals(purchase.renewalDate())) {
			differences.add(new FieldProblem("renewalDate", "differs from the recorded " + recorded.getRenewalDate()));
		}
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
