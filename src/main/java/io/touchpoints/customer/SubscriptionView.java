package io.touchpoints.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription as the API shows it. {@code reason} repeats {@code cancellation.comment} under its older name;
 * {@code endsOn} is the day a cancellation at the end of the term takes effect.
 */
record SubscriptionView(String purchaseId, String plan, LocalDate startDate, LocalDate renewalDate,
		BigDecimal annualValue, Integer seats, boolean migrating, Subscription.Status status, String processInstanceId,
		LocalDate endsOn, Instant cancelledAt, String reason, Cancellation cancellation) {

	/** Why and when the subscription was cancelled, as recorded. */
	record Cancellation(List<String> reasons, String comment, SubscriptionCancellation.Effective effective,
			Instant requestedAt) {
	}

	static SubscriptionView of(Subscription subscription) {
		SubscriptionCancellation cancellation = subscription.cancellation();
		return new SubscriptionView(subscription.getPurchaseId(), subscription.getPlan(), subscription.getStartDate(),
				subscription.getRenewalDate(), subscription.getAnnualValue(), subscription.getSeats(),
				subscription.isMigrating(), subscription.getStatus(), subscription.getProcessInstanceId(),
				subscription.getEndsOn(), subscription.getCancelledAt(), subscription.getCancellationReason(),
				cancellation == null ? null : new Cancellation(cancellation.reasons(), cancellation.comment(),
						cancellation.effective(), subscription.getCancellationRequestedAt()));
	}

}
