package io.touchpoints.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.touchpoints.system.NoControlCharacters;

/**
 * Body of {@code POST /api/customers/{externalRef}/purchases}; {@code annualValue} and {@code seats} are optional
 * (billing may report them later with {@code PUT /api/subscriptions/{purchaseId}}).
 */
@RenewalAfterStart
record PurchaseRequest(
		@NotNull @ExternalId String purchaseId,
		@NotBlank @Size(max = 100) @NoControlCharacters String plan,
		@NotNull LocalDate startDate,
		@NotNull LocalDate renewalDate,
		Boolean migrating,
		@MoneyPerYear BigDecimal annualValue,
		@Min(1) @Max(1_000_000) Integer seats) {

	boolean isMigrating() {
		return Boolean.TRUE.equals(migrating);
	}

	SubscriptionTerms terms() {
		return new SubscriptionTerms(plan, renewalDate, annualValue, seats);
	}

}
