package io.touchpoints.customer;

import java.math.BigDecimal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.touchpoints.system.NoControlCharacters;

/** Body of {@code PUT /api/customers/{externalRef}}. */
record CustomerRequest(
		@NotBlank @Size(max = 200) @NoControlCharacters String name,
		@NotBlank @Size(max = 254) @NoControlCharacters @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "must be a well-formed email address") String email,
		@NotBlank @NoControlCharacters @LanguageTag String locale,
		@NotBlank @NoControlCharacters @IanaTimeZone String timeZone,
		@Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be 1 to 40 lowercase letters, digits or dashes") String tier,
		@MoneyPerYear BigDecimal annualValue) {

	static final String DEFAULT_TIER = "standard";

	CustomerDetails details() {
		return new CustomerDetails(name.strip(), email.strip(), SupportedLocales.normalize(locale), timeZone,
				tier == null ? DEFAULT_TIER : tier, annualValue == null ? BigDecimal.ZERO : annualValue);
	}

}
