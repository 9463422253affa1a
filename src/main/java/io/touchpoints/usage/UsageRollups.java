package io.touchpoints.usage;

import java.sql.Date;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the rollups the bulk read uses ({@code usage_active_day}, {@code usage_feature}) up to date with the daily
 * counts: every day the compaction marked is recomputed from {@code usage_daily}. Done before the bulk read rather
 * than as each delta is folded, so the compaction costs what it did before the rollups (decision 18).
 */
@Component
class UsageRollups {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate namedJdbc;

	private final TransactionTemplate transaction;

	UsageRollups(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.namedJdbc = namedJdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Recomputes the marked days; returns how many there were. */
	int refresh() {
		return transaction.execute(status -> {
			// Under the compaction's lock: no delta is folded (and no day marked) between reading a day and unmarking it.
			jdbc.queryForList("select id from usage_compaction where id = 1 for update", Integer.class);
			List<Date> days = jdbc.queryForList("select usage_day from usage_rollup_stale_day", Date.class);
			if (days.isEmpty()) {
				return 0;
			}
			// The days as values, not a join with their table: the planner then knows how few rows a day is and
			// reads each customer's day through the daily counts' primary key instead of every row there is.
			Map<String, List<Date>> marked = Map.of("days", days);
			// A day once active stays active (nothing deletes usage), so every recomputed row replaces or adds one.
			namedJdbc.update("""
					merge into usage_active_day a using (
					  select d.customer_id, d.usage_day, sum(case when d.event_type = 'login' then d.event_count else 0 end) logins,
					    sum(d.event_count) events
					  from customer c join usage_daily d on d.customer_id = c.id
					  where d.usage_day in (:days) and d.event_type in ('login', 'feature_used')
					  group by d.customer_id, d.usage_day) r
					on (a.customer_id = r.customer_id and a.usage_day = r.usage_day)
					when matched then update set logins = r.logins, events = r.events
					when not matched then insert (customer_id, usage_day, logins, events)
					  values (r.customer_id, r.usage_day, r.logins, r.events)""", marked);
			// A feature's first day only moves back, when an older event arrives late.
			namedJdbc.update("""
					merge into usage_feature f using (
					  select d.customer_id, d.event_name feature, min(d.usage_day) first_day
					  from customer c join usage_daily d on d.customer_id = c.id
					  where d.usage_day in (:days) and d.event_type = 'feature_used'
					  group by d.customer_id, d.event_name) r
					on (f.customer_id = r.customer_id and f.feature = r.feature)
					when matched and r.first_day < f.first_day then update set first_day = r.first_day
					when not matched then insert (customer_id, feature, first_day) values (r.customer_id, r.feature, r.first_day)""", marked);
			jdbc.update("delete from usage_rollup_stale_day");
			return days.size();
		});
	}

}
