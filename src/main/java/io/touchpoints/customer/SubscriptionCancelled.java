package io.touchpoints.customer;

import java.time.Instant;

/**
 * A subscription ended; journeys that depend on it end too. {@code lastActive}: the customer has no active
 * subscription left (they churned). Published in the transaction that cancels it.
 */
public record SubscriptionCancelled(long customerId, String customerRef, String purchaseId, Instant at, String reason,
		boolean lastActive) {
}
