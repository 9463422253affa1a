package io.touchpoints.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.touchpoints.system.NoControlCharacters;

/**
 * Body of {@code POST /api/subscriptions/{purchaseId}/renewal}: the next renewal date and the renewed annual value;
 * {@code plan} and {@code seats} only when the renewal changed them.
 */
record RenewalRequest(
		@NotNull LocalDate renewalDate,
		@NotNull @MoneyPerYear BigDecimal annualValue,
		@Size(min = 1, max = 100) @NoControlCharacters String plan,
		@Min(1) @Max(1_000_000) Integer seats) {

	SubscriptionTerms termsAfter(Subscription subscription) {
		return new SubscriptionTerms(plan == null ? subscription.getPlan() : plan.strip(), renewalDate, annualValue,
				seats == null ? subscription.getSeats() : seats);
	}

}
