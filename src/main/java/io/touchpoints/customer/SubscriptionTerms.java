package io.touchpoints.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What billing sells a subscription on: its plan, the day it renews, what it is worth a year and how many seats it
 * licenses ({@code annualValue} and {@code seats} null when billing has not said).
 */
public record SubscriptionTerms(String plan, LocalDate renewalDate, BigDecimal annualValue, Integer seats) {

	public SubscriptionTerms {
		// 1200 and 1200.00 are the same value; equals compares them as such.
		annualValue = annualValue == null ? null : annualValue.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

}
