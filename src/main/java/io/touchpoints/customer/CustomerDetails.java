package io.touchpoints.customer;

import java.math.BigDecimal;

/** The customer fields the CRM owns, already validated and normalized. */
record CustomerDetails(String name, String email, String locale, String timeZone, String tier, BigDecimal annualValue) {
}
