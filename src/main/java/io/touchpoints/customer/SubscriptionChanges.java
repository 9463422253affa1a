package io.touchpoints.customer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.system.ConflictException;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Changes of terms and renewals as billing reports them: each lands on the subscription, its ledger and the
 * customer's timeline, and tells the journeys ({@link SubscriptionChanged}, {@link SubscriptionRenewed}), in one
 * transaction. The same report again changes nothing.
 */
@Service
class SubscriptionChanges {

	private final Subscriptions subscriptions;

	private final CustomerRegistry customers;

	private final SubscriptionLedger ledger;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriptionChanges(Subscriptions subscriptions, CustomerRegistry customers, SubscriptionLedger ledger,
			Timeline timeline, ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.customers = customers;
		this.ledger = ledger;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Subscription change(String purchaseId, SubscriptionChangeRequest request) {
		Subscription subscription = activeOne(purchaseId, "its terms no longer change");
		LocalDate effectiveOn = request.effectiveOn() == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
				: request.effectiveOn();
		List<FieldProblem> problems = new ArrayList<>();
		if (!request.renewalDate().isAfter(subscription.getStartDate())) {
			problems.add(new FieldProblem("renewalDate", "must be after the subscription's startDate "
					+ subscription.getStartDate()));
		}
		if (effectiveOn.isBefore(subscription.getStartDate())) {
			problems.add(new FieldProblem("effectiveOn", "must not be before the subscription's startDate "
					+ subscription.getStartDate()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		SubscriptionTerms before = subscription.terms();
		if (!subscription.change(request.terms())) {
			return subscription;
		}
		Instant now = clock.instant();
		subscription = subscriptions.save(subscription);
		ledger.record(subscription, SubscriptionLedger.Kind.CHANGED, effectiveOn, before.annualValue(), now);
		Customer customer = customers.findById(subscription.getCustomerId().getId()).orElseThrow();
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.SUBSCRIPTION_CHANGED,
				"Subscription '" + purchaseId + "' changed from " + effectiveOn + ": " + describe(before, subscription.terms()))
			.detail(subscription.isEnding() ? "Its cancellation now takes effect on " + subscription.getEndsOn() : null));
		events.publishEvent(new SubscriptionChanged(customer.getId(), customer.getExternalRef(), purchaseId, before,
				subscription.terms(), effectiveOn, now));
		return subscription;
	}

	@Transactional
	public Subscription renew(String purchaseId, RenewalRequest request) {
		Subscription subscription = activeOne(purchaseId, "a new purchase brings the customer back");
		Optional<SubscriptionTerms> reportedBefore = ledger.renewedTo(subscription, request.renewalDate());
		if (reportedBefore.isPresent()) {
			// The renewal as it was reported, whatever billing changed since.
			SubscriptionTerms recorded = reportedBefore.get();
			List<FieldProblem> differences = SubscriptionTermsDifferences.between(recorded,
					new SubscriptionTerms(request.plan() == null ? recorded.plan() : request.plan().strip(),
							request.renewalDate(), request.annualValue(),
							request.seats() == null ? recorded.seats() : request.seats()));
			if (!differences.isEmpty()) {
				throw new ConflictException("Subscription '" + purchaseId + "' was already renewed to "
						+ request.renewalDate() + " on other terms", differences);
			}
			return subscription;
		}
		SubscriptionTerms after = request.termsAfter(subscription);
		if (!request.renewalDate().isAfter(subscription.getRenewalDate())) {
			throw new InvalidRequestException(List.of(new FieldProblem("renewalDate",
					"must be after the current renewal date " + subscription.getRenewalDate())));
		}
		SubscriptionTerms before = subscription.terms();
		LocalDate endingOn = subscription.isEnding() ? subscription.getEndsOn() : null;
		subscription.renew(after);
		Instant now = clock.instant();
		subscription = subscriptions.save(subscription);
		ledger.record(subscription, SubscriptionLedger.Kind.RENEWED, before.renewalDate(), before.annualValue(), now);
		Customer customer = customers.findById(subscription.getCustomerId().getId()).orElseThrow();
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.SUBSCRIPTION_RENEWED,
				"Subscription '" + purchaseId + "' renewed until " + after.renewalDate() + describeValue(before, after))
			.detail(endingOn == null ? null : "The cancellation planned for " + endingOn + " is void")
			.reference(purchaseId + "/" + after.renewalDate()));
		events.publishEvent(new SubscriptionRenewed(customer.getId(), customer.getExternalRef(), purchaseId, before,
				after, now));
		return subscription;
	}

	private Subscription activeOne(String purchaseId, String consequence) {
		Subscription subscription = subscriptions.findByPurchaseId(purchaseId).orElseThrow(() -> Subscriptions.notFound(purchaseId));
		if (!subscription.isActive()) {
			throw new ConflictException("Subscription '" + purchaseId + "' was cancelled on "
					+ subscription.getCancelledAt() + "; " + consequence,
					List.of(new FieldProblem("purchaseId", "is cancelled")));
		}
		return subscription;
	}

	private static String describe(SubscriptionTerms before, SubscriptionTerms after) {
		List<String> changes = new ArrayList<>();
		if (!before.plan().equals(after.plan())) {
			changes.add("plan " + before.plan() + " → " + after.plan());
		}
		if (!before.renewalDate().equals(after.renewalDate())) {
			changes.add("renewal date " + before.renewalDate() + " → " + after.renewalDate());
		}
		if (!Objects.equals(before.annualValue(), after.annualValue())) {
			changes.add("annual value " + amount(before.annualValue()) + " → " + amount(after.annualValue()));
		}
		if (!Objects.equals(before.seats(), after.seats())) {
			changes.add("seats " + (before.seats() == null ? "unknown" : before.seats()) + " → "
					+ (after.seats() == null ? "not by seat" : after.seats()));
		}
		return String.join("; ", changes);
	}

	private static String describeValue(SubscriptionTerms before, SubscriptionTerms after) {
		String value = Objects.equals(before.annualValue(), after.annualValue()) ? ", at " + amount(after.annualValue())
				: ", at " + amount(after.annualValue()) + " (was " + amount(before.annualValue()) + ")";
		return value + (before.plan().equals(after.plan()) ? "" : ", plan " + after.plan() + " (was " + before.plan() + ")");
	}

	private static String amount(BigDecimal value) {
		return value == null ? "unknown" : value.toPlainString() + " a year";
	}

}
