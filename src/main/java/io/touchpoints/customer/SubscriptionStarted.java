package io.touchpoints.customer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A purchase was recorded; journeys decide what it starts. Published in the transaction that records it.
 * {@code expansion}: the customer already had an active subscription.
 */
public record SubscriptionStarted(long customerId, String customerRef, String customerName, String purchaseId,
		String plan, LocalDate startDate, LocalDate renewalDate, boolean migrating, boolean expansion, Instant at) {
}
