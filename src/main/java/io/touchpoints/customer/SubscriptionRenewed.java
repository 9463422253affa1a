package io.touchpoints.customer;

import java.time.Instant;

/**
 * A subscription renewed: it runs on to {@code after.renewalDate()} on the terms in {@code after}, from the day it was
 * due ({@code before.renewalDate()}). Published in the transaction that records it.
 */
public record SubscriptionRenewed(long customerId, String customerRef, String purchaseId, SubscriptionTerms before,
		SubscriptionTerms after, Instant at) {
}
