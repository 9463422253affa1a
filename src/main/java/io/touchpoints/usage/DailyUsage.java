package io.touchpoints.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a customer's daily usage counts: an indexed range scan of the daily rows, plus the deltas not yet folded
 * into them, however many events lie behind them.
 */
@Component
public class DailyUsage {

	private final NamedParameterJdbcTemplate jdbc;

	DailyUsage(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Events of one type (and name, for features and milestones) on one UTC day. */
	public record DailyCount(LocalDate day, String type, String name, long count) {
	}

	public List<DailyCount> of(long customerId, LocalDate from, LocalDate to) {
		return jdbc.query("""
				select usage_day, event_type, event_name, sum(event_count) from (
				  select usage_day, event_type, event_name, event_count from usage_daily
				  where customer_id = :customerId and usage_day >= :from and usage_day <= :to
				  union all
				  select usage_day, event_type, event_name, event_count from usage_daily_delta
				  where customer_id = :customerId and usage_day >= :from and usage_day <= :to) counts
				group by usage_day, event_type, event_name
				order by usage_day, event_type, event_name""",
				Map.of("customerId", customerId, "from", from, "to", to),
				(rs, row) -> new DailyCount(rs.getDate(1).toLocalDate(), rs.getString(2),
						rs.getString(3).isEmpty() ? null : rs.getString(3), rs.getLong(4)));
	}

	/** How many different features the customer used from {@code from} to {@code to} (UTC days, both included). */
	public int featuresUsed(long customerId, LocalDate from, LocalDate to) {
		return (int) of(customerId, from, to).stream()
			.filter(count -> EventType.FEATURE_USED.value().equals(count.type()))
			.map(DailyCount::name)
			.distinct()
			.count();
	}

	/** On how many UTC days from {@code from} to {@code to} the customer used the product (logged in or used a feature). */
	public int activeDays(long customerId, LocalDate from, LocalDate to) {
		return (int) of(customerId, from, to).stream()
			.filter(count -> EventType.isProductUse(count.type()))
			.map(DailyCount::day)
			.distinct()
			.count();
	}

}
