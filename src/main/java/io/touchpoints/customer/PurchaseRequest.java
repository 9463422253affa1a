package io.touchpoints.customer;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.touchpoints.system.NoControlCharacters;

/** Body of {@code POST /api/customers/{externalRef}/purchases}. */
@RenewalAfterStart
record PurchaseRequest(
		@NotNull @ExternalId String purchaseId,
		@NotBlank @Size(max = 100) @NoControlCharacters String plan,
		@NotNull LocalDate startDate,
		@NotNull LocalDate renewalDate,
		Boolean migrating) {

	boolean isMigrating() {
		return Boolean.TRUE.equals(migrating);
	}

}
