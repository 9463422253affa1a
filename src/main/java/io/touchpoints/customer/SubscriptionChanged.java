package io.touchpoints.customer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Billing changed a subscription's terms (plan, renewal date, annual value or seats), effective on
 * {@code effectiveOn}. Published in the transaction that records it.
 */
public record SubscriptionChanged(long customerId, String customerRef, String purchaseId, SubscriptionTerms before,
		SubscriptionTerms after, LocalDate effectiveOn, Instant at) {

	public boolean renewalDateMoved() {
		return !before.renewalDate().equals(after.renewalDate());
	}

}
