package io.touchpoints.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Customers' weekly activity from the daily usage counts (folded rows plus the deltas not folded yet), for many
 * customers in three streamed queries: one row per customer and active day, one per customer, day and feature,
 * one per customer and feature ever used. Nothing here touches the engine.
 */
@Component
public class WeeklyActivities {

	private static final String COUNTS = """
			(select customer_id, usage_day, event_type, event_name, event_count from usage_daily
			 union all
			 select customer_id, usage_day, event_type, event_name, event_count from usage_daily_delta) counts""";

	private final NamedParameterJdbcTemplate jdbc;

	WeeklyActivities(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The activity of every customer with usage in the {@code weeks} weeks up to {@code until}, by customer id. */
	public Map<Long, WeeklyActivity> all(LocalDate until, int weeks) {
		return collect(until, weeks, null);
	}

	/** The activity of the given customers (an empty activity for one without usage). */
	public Map<Long, WeeklyActivity> of(Collection<Long> customerIds, LocalDate until, int weeks) {
		Map<Long, WeeklyActivity> found = customerIds.isEmpty() ? new HashMap<>() : collect(until, weeks, customerIds);
		customerIds.forEach(id -> found.computeIfAbsent(id, none -> WeeklyActivity.none(id, until, weeks)));
		return found;
	}

	private Map<Long, WeeklyActivity> collect(LocalDate until, int weeks, Collection<Long> customerIds) {
		LocalDate from = until.minusDays(7L * weeks - 1);
		String only = customerIds == null ? "" : " and customer_id in (:ids)";
		MapSqlParameterSource parameters = new MapSqlParameterSource("from", from).addValue("until", until)
			.addValue("ids", customerIds == null ? List.of(-1L) : customerIds);
		Map<Long, Builder> builders = new HashMap<>();
		jdbc.query("select customer_id, usage_day, sum(case when event_type = 'login' then event_count else 0 end), "
				+ "sum(event_count) from " + COUNTS + " where usage_day >= :from and usage_day <= :until" + only
				+ " group by customer_id, usage_day", parameters, rs -> {
					builders.computeIfAbsent(rs.getLong(1), id -> new Builder(id, until, weeks))
						.day(rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4));
				});
		jdbc.query("select customer_id, usage_day, event_name from " + COUNTS
				+ " where event_type = 'feature_used' and usage_day >= :from and usage_day <= :until" + only
				+ " group by customer_id, usage_day, event_name", parameters, rs -> {
					builders.computeIfAbsent(rs.getLong(1), id -> new Builder(id, until, weeks))
						.feature(rs.getDate(2).toLocalDate(), rs.getString(3));
				});
		jdbc.query("select customer_id, event_name from " + COUNTS + " where event_type = 'feature_used'"
				+ " and usage_day <= :until" + only + " group by customer_id, event_name", parameters, rs -> {
					builders.computeIfAbsent(rs.getLong(1), id -> new Builder(id, until, weeks)).everUsed(rs.getString(2));
				});
		Map<Long, WeeklyActivity> activities = new HashMap<>();
		builders.forEach((id, builder) -> activities.put(id, builder.build()));
		return activities;
	}

	private static final class Builder {

		private final long customerId;

		private final LocalDate until;

		private final int[] activeDays;

		private final long[] logins;

		private final long[] events;

		private final List<Set<String>> features;

		private final Set<String> everUsed = new HashSet<>();

		private LocalDate lastLogin;

		Builder(long customerId, LocalDate until, int weeks) {
			this.customerId = customerId;
			this.until = until;
			this.activeDays = new int[weeks];
			this.logins = new long[weeks];
			this.events = new long[weeks];
			this.features = new java.util.ArrayList<>();
			for (int week = 0; week < weeks; week++) {
				features.add(new HashSet<>());
			}
		}

		private int week(LocalDate day) {
			return (int) (ChronoUnit.DAYS.between(day, until) / 7);
		}

		void day(LocalDate day, long dayLogins, long dayEvents) {
			int week = week(day);
			activeDays[week]++;
			logins[week] += dayLogins;
			events[week] += dayEvents;
			if (dayLogins > 0 && (lastLogin == null || day.isAfter(lastLogin))) {
				lastLogin = day;
			}
		}

		void feature(LocalDate day, String feature) {
			features.get(week(day)).add(feature);
		}

		void everUsed(String feature) {
			everUsed.add(feature);
		}

		WeeklyActivity build() {
			return new WeeklyActivity(customerId, until, activeDays, logins, events,
					features.stream().mapToInt(Set::size).toArray(), lastLogin, Set.copyOf(everUsed));
		}

	}

}
