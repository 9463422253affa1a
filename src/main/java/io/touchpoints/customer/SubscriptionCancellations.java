package io.touchpoints.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.customer.SubscriptionCancellation.Effective;
import io.touchpoints.system.ConflictException;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Cancels subscriptions as billing reports it, at once or at the end of the term the customer paid for. A
 * subscription ends in one transaction with its ledger and timeline entries and {@link SubscriptionCancelled}, which
 * tells the journeys whether the customer has anything active left (the lifecycle moves them to win-back when not);
 * one cancelled at the end of its term stays active until then ({@link CancellationScheduled}), and
 * {@link SubscriptionTermEnds} ends it on the day. The same cancellation reported again changes nothing.
 */
@Service
public class SubscriptionCancellations {

	private final Subscriptions subscriptions;

	private final CustomerRegistry customers;

	private final CancellationReasons reasons;

	private final SubscriptionLedger ledger;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriptionCancellations(Subscriptions subscriptions, CustomerRegistry customers, CancellationReasons reasons,
			SubscriptionLedger ledger, Timeline timeline, ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.customers = customers;
		this.reasons = reasons;
		this.ledger = ledger;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Subscription cancel(String purchaseId, CancellationRequest request) {
		SubscriptionCancellation cancellation = validated(request);
		Subscription subscription = locked(subscriptions.findByPurchaseId(purchaseId)
			.orElseThrow(() -> Subscriptions.notFound(purchaseId)));
		if (!subscription.isActive()) {
			return sameAsRecorded(subscription, cancellation, request);
		}
		if (subscription.isEnding()) {
			if (cancellation.effective() == Effective.END_OF_TERM) {
				return sameAsRecorded(subscription, cancellation, request);
			}
			// Brought forward: the customer asked to stop now after all.
			return end(subscription, said(request) ? cancellation : subscription.cancellation(), clock.instant());
		}
		return cancellation.effective() == Effective.END_OF_TERM ? scheduleEnd(subscription, cancellation)
				: end(subscription, cancellation, clock.instant());
	}

	/** Ends a subscription whose term ended after a cancellation; false when there is nothing (left) to end. */
	@Transactional
	public boolean endTerm(long subscriptionId) {
		Subscription subscription = subscriptions.findById(subscriptionId).map(this::locked).orElse(null);
		if (subscription == null || !subscription.isEnding()) {
			return false;
		}
		Customer customer = customers.findById(subscription.getCustomerId().getId()).orElseThrow();
		Instant now = clock.instant();
		if (now.isBefore(subscription.getEndsOn().atStartOfDay(ZoneId.of(customer.getTimeZone())).toInstant())) {
			return false;
		}
		end(subscription, null, now);
		return true;
	}

	/** The subscription as it is once all of its customer's subscriptions are locked (see {@link #end}). */
	private Subscription locked(Subscription subscription) {
		subscriptions.lockAllOfCustomer(subscription.getCustomerId().getId());
		return subscriptions.findById(subscription.getId()).orElseThrow();
	}

	private Subscription scheduleEnd(Subscription subscription, SubscriptionCancellation cancellation) {
		Instant now = clock.instant();
		subscription.cancelAtEndOfTerm(cancellation, now);
		subscription = subscriptions.save(subscription);
		ledger.record(subscription, SubscriptionLedger.Kind.CANCELLATION_SCHEDULED, subscription.getEndsOn(),
				subscription.getAnnualValue(), now);
		Customer customer = customers.findById(subscription.getCustomerId().getId()).orElseThrow();
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.SUBSCRIPTION_CANCELLATION_SCHEDULED,
				"Subscription '" + subscription.getPurchaseId() + "' cancelled as of the end of its term: active until "
						+ subscription.getEndsOn())
			.detail(why(cancellation))
			.reference(subscription.getPurchaseId() + "/" + subscription.getEndsOn()));
		events.publishEvent(new CancellationScheduled(customer.getId(), customer.getExternalRef(),
				subscription.getPurchaseId(), subscription.getEndsOn(), cancellation.reasons(), cancellation.comment(), now));
		return subscription;
	}

	private Subscription end(Subscription subscription, SubscriptionCancellation cancellation, Instant now) {
		boolean termEnded = cancellation == null;
		subscription.end(cancellation, now);
		subscription = subscriptions.save(subscription);
		Customer customer = customers.findById(subscription.getCustomerId().getId()).orElseThrow();
		LocalDate effectiveOn = termEnded ? subscription.getEndsOn() : LocalDate.ofInstant(now, ZoneOffset.UTC);
		ledger.record(subscription, SubscriptionLedger.Kind.CANCELLED, effectiveOn, subscription.getAnnualValue(), now);
		SubscriptionCancellation recorded = subscription.cancellation();
		String purchaseId = subscription.getPurchaseId();
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.SUBSCRIPTION_CANCELLED,
				termEnded ? "Subscription '" + purchaseId + "' ended with its term, as cancelled on "
						+ LocalDate.ofInstant(subscription.getCancellationRequestedAt(), ZoneId.of(customer.getTimeZone()))
						: "Subscription '" + purchaseId + "' cancelled")
			.detail(why(recorded))
			.reference(purchaseId));
		boolean nothingActive = subscriptions.findAllOfCustomer(customer.getId()).stream().noneMatch(Subscription::isActive);
		events.publishEvent(new SubscriptionCancelled(customer.getId(), customer.getExternalRef(), purchaseId, now,
				recorded.comment(), nothingActive, recorded.reasons()));
		return subscription;
	}

	private Subscription sameAsRecorded(Subscription subscription, SubscriptionCancellation requested,
			CancellationRequest request) {
		if (!said(request)) {
			return subscription;
		}
		SubscriptionCancellation recorded = subscription.cancellation();
		List<FieldProblem> differences = new ArrayList<>();
		if (!recorded.reasons().equals(requested.reasons())) {
			differences.add(new FieldProblem("reasons", "differ from the recorded " + recorded.reasons()));
		}
		if (!Objects.equals(recorded.comment(), requested.comment())) {
			differences.add(new FieldProblem("comment", "differs from the recorded comment"));
		}
		if (!differences.isEmpty()) {
			throw new ConflictException("Subscription '" + subscription.getPurchaseId() + "' was already cancelled "
					+ (subscription.isActive() ? "as of " + subscription.getEndsOn() : "on " + subscription.getCancelledAt())
					+ " with other reasons", differences);
		}
		return subscription;
	}

	/** Whether the request says why (an empty body only asks for the cancellation). */
	private static boolean said(CancellationRequest request) {
		return (request.reasons() != null && !request.reasons().isEmpty()) || request.comment() != null
				|| request.reason() != null;
	}

	private SubscriptionCancellation validated(CancellationRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		List<String> codes = request.reasons() == null ? List.of() : request.reasons();
		if (request.comment() != null && request.reason() != null && !request.comment().equals(request.reason())) {
			problems.add(new FieldProblem("reason", "is the older name of comment: give one of them"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		String comment = request.comment() != null ? request.comment() : request.reason();
		return new SubscriptionCancellation(List.copyOf(new LinkedHashSet<>(codes)), comment,
				Effective.of(request.effective()));
	}

	private String why(SubscriptionCancellation cancellation) {
		List<String> parts = new ArrayList<>();
		if (!cancellation.reasons().isEmpty()) {
			parts.add("Reasons: " + String.join(", ", cancellation.reasons().stream()
				.map(code -> reasons.wordsFor(code, "en"))
				.toList()));
		}
		if (cancellation.comment() != null) {
			parts.add(cancellation.comment());
		}
		return parts.isEmpty() ? null : String.join("\n", parts);
	}

}
