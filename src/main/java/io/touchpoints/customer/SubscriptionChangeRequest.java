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
 * Body of {@code PUT /api/subscriptions/{purchaseId}}: the subscription's terms as billing has them now ({@code seats}
 * absent: not licensed by seat), in effect from {@code effectiveOn} (absent: today, UTC).
 */
record SubscriptionChangeRequest(
		@NotBlank @Size(max = 100) @NoControlCharacters String plan,
		@NotNull LocalDate renewalDate,
		@NotNull @MoneyPerYear BigDecimal annualValue,
		@Min(1) @Max(1_000_000) Integer seats,
		LocalDate effectiveOn) {

	SubscriptionTerms terms() {
		return new SubscriptionTerms(plan, renewalDate, annualValue, seats);
	}

}
