package io.touchpoints.customer;

import java.time.Instant;
import java.util.List;

/**
 * A subscription ended; journeys that depend on it end too. {@code lastActive}: the customer has no active
 * subscription left (they churned). {@code reason}: the cancellation's free text; {@code reasons}: its codes. Published
 * in the transaction that ends it (the request's, or the term's end for a cancellation at the end of the term).
 */
public record SubscriptionCancelled(long customerId, String customerRef, String purchaseId, Instant at, String reason,
		boolean lastActive, List<String> reasons) {
}
