package io.touchpoints.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Renewal, churn and revenue retention over one period, as docs/retention.md defines them. Ratios are null when
 * their denominator is zero; amounts are per year, in the billing currency.
 */
public record RetentionFigures(String period, int customersAtStart, int customersChurned, BigDecimal logoChurn,
		BigDecimal arrAtStart, BigDecimal arrChurned, BigDecimal arrContracted, BigDecimal arrExpanded,
		BigDecimal grossRevenueRetention, BigDecimal netRevenueRetention, BigDecimal arrDue, BigDecimal arrRenewed,
		BigDecimal renewalRate, List<ReasonCount> cancellationReasons, int customersLapsedAtStart, int customersWonBack,
		BigDecimal winbackRate, BigDecimal customerLifetimeValue, int subscriptionsWithoutValue) {

	/** How many subscriptions ended in the period giving this reason, and what they were worth a year. */
	public record ReasonCount(String code, int count, BigDecimal arr) {
	}

	static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_EVEN);
	}

	static BigDecimal ratio(int part, int whole) {
		return ratio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

}
