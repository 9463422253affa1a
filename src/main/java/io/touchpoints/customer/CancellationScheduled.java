package io.touchpoints.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer cancelled a subscription as of the end of its term: it stays active until {@code endsOn} (when
 * {@link SubscriptionCancelled} follows). Published in the transaction that records it.
 */
public record CancellationScheduled(long customerId, String customerRef, String purchaseId, LocalDate endsOn,
		List<String> reasons, String comment, Instant at) {
}
