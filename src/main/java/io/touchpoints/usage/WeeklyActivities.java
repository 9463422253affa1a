package io.touchpoints.usage;

import java.time.LocalDate;
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
 * Customers' weekly use of the product (logins and features; a support ticket or a call is not use). For a few
 * customers, from the daily counts (folded rows plus the deltas not folded yet), with each week's features; for
 * every customer at once, from the rollups, one row per active day and one per feature ever used, after folding what
 * is pending and recomputing the days it changed. Nothing here touches the engine.
 */
@Component
public class WeeklyActivities {

	private static final String COUNTS = """
			(select customer_id, usage_day, event_type, event_name, event_count from usage_daily
			 union all
			 select customer_id, usage_day, event_type, event_name, event_count from usage_daily_delta) counts""";

	private final NamedParameterJdbcTemplate jdbc;

	private final UsageCompaction compaction;

	private final UsageRollups rollups;

	WeeklyActivities(NamedParameterJdbcTemplate jdbc, UsageCompaction compaction, UsageRollups rollups) {
		this.jdbc = jdbc;
		this.compaction = compaction;
		this.rollups = rollups;
	}

	/**
	 * The activity of every customer with usage in the {@code weeks} weeks up to {@code until}, by customer id, as of
	 * now: pending deltas are folded and the rollups of the days they changed recomputed first. Each week's count of distinct features is left at zero (a week's
	 * features are not kept in the rollups): read {@link #of} for the customers whose weekly series someone reads.
	 */
	public Map<Long, WeeklyActivity> all(LocalDate until, int weeks) {
		compaction.compact();
		rollups.refresh();
		LocalDate from = until.minusDays(7L * weeks - 1);
		MapSqlParameterSource parameters = new MapSqlParameterSource("from", from).addValue("until", until);
		String week = weekOf(until, weeks, parameters);
		Map<Long, Builder> builders = new HashMap<>();
		jdbc.query("select customer_id, week, count(*), sum(logins), sum(events), max(case when logins > 0 then usage_day end) "
				+ "from (select customer_id, usage_day, logins, events, " + week + " as week from usage_active_day"
				+ " where usage_day >= :from and usage_day <= :until) days group by customer_id, week", parameters, rs -> {
					java.sql.Date lastLogin = rs.getDate(6);
					builders.computeIfAbsent(rs.getLong(1), id -> new Builder(id, until, weeks))
						.week(rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), 0,
								lastLogin == null ? null : lastLogin.toLocalDate());
				});
		jdbc.query("select customer_id, feature from usage_feature where first_day <= :until", parameters, rs -> {
			builders.computeIfAbsent(rs.getLong(1), id -> new Builder(id, until, weeks)).everUsed(rs.getString(2));
		});
		Map<Long, WeeklyActivity> activities = new HashMap<>();
		builders.forEach((id, builder) -> activities.put(id, builder.build()));
		return activities;
	}

	/** The week of a day as a CASE over the weeks' first days: the same SQL on H2 and PostgreSQL, no date arithmetic. */
	private static String weekOf(LocalDate until, int weeks, MapSqlParameterSource parameters) {
		StringBuilder week = new StringBuilder("case");
		for (int index = 0; index < weeks; index++) {
			week.append(" when usage_day >= :week").append(index).append(" then ").append(index);
			parameters.addValue("week" + index, until.minusDays(7L * index + 6));
		}
		return week.append(" end").toString();
	}

	/** The activity of the given customers (an empty activity for one without usage). */
	public Map<Long, WeeklyActivity> of(Collection<Long> customerIds, LocalDate until, int weeks) {
		Map<Long, WeeklyActivity> found = customerIds.isEmpty() ? new HashMap<>() : exact(until, weeks, customerIds);
		customerIds.forEach(id -> found.computeIfAbsent(id, none -> WeeklyActivity.none(id, until, weeks)));
		return found;
	}

	private Map<Long, WeeklyActivity> exact(LocalDate until, int weeks, Collection<Long> customerIds) {
		LocalDate from = until.minusDays(7L * weeks - 1);
		MapSqlParameterSource parameters = new MapSqlParameterSource("from", from).addValue("until", until)
			.addValue("ids", customerIds);
		String week = weekOf(until, weeks, parameters);
		Map<Long, Builder> builders = new HashMap<>();
		jdbc.query("select customer_id, week, count(distinct usage_day), "
				+ "sum(case when event_type = 'login' then event_count else 0 end), sum(event_count), "
				+ "count(distinct case when event_type = 'feature_used' then event_name end), "
				+ "max(case when event_type = 'login' then usage_day end) "
				+ "from (select customer_id, usage_day, event_type, event_name, event_count, " + week + " as week from " + COUNTS
				+ " where event_type in ('login', 'feature_used') and usage_day >= :from and usage_day <= :until"
				+ " and customer_id in (:ids)) weekly group by customer_id, week",
				parameters, rs -> {
					java.sql.Date lastLogin = rs.getDate(7);
					builders.computeIfAbsent(rs.getLong(1), id -> new Builder(id, until, weeks))
						.week(rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getInt(6),
								lastLogin == null ? null : lastLogin.toLocalDate());
				});
		jdbc.query("select customer_id, event_name from " + COUNTS + " where event_type = 'feature_used'"
				+ " and usage_day <= :until and customer_id in (:ids) group by customer_id, event_name", parameters, rs -> {
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

		private final int[] features;

		private final Set<String> everUsed = new HashSet<>();

		private LocalDate lastLogin;

		Builder(long customerId, LocalDate until, int weeks) {
			this.customerId = customerId;
			this.until = until;
			this.activeDays = new int[weeks];
			this.logins = new long[weeks];
			this.events = new long[weeks];
			this.features = new int[weeks];
		}

		void week(int week, int weekActiveDays, long weekLogins, long weekEvents, int weekFeatures, LocalDate weekLastLogin) {
			activeDays[week] = weekActiveDays;
			logins[week] = weekLogins;
			events[week] = weekEvents;
			features[week] = weekFeatures;
			if (weekLastLogin != null && (lastLogin == null || weekLastLogin.isAfter(lastLogin))) {
				lastLogin = weekLastLogin;
			}
		}

		void everUsed(String feature) {
			everUsed.add(feature);
		}

		WeeklyActivity build() {
			return new WeeklyActivity(customerId, until, activeDays, logins, events, features, lastLogin,
					Set.copyOf(everUsed));
		}

	}

}
