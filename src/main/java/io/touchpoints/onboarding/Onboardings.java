package io.touchpoints.onboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Every onboarding journey: whose it is, which purchase started it, when it started and how it ended. */
@Component
class Onboardings {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate namedJdbc;

	Onboardings(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc) {
		this.jdbc = jdbc;
		this.namedJdbc = namedJdbc;
	}

	/** One onboarding; {@code completedAt} and {@code cancelledAt} are null while it runs. */
	record Onboarding(long id, long customerId, String purchaseId, String processInstanceId, Instant startedAt,
			Instant completedAt, Instant cancelledAt) {
	}

	void record(long customerId, String purchaseId, String processInstanceId, Instant startedAt) {
		jdbc.update("""
				insert into onboarding (customer_id, purchase_id, process_instance_id, started_at) values (?, ?, ?, ?)""",
				customerId, purchaseId, processInstanceId, Timestamp.from(startedAt));
	}

	Optional<Onboarding> ofProcessInstance(String processInstanceId) {
		return first("select * from onboarding where process_instance_id = ?", processInstanceId);
	}

	Optional<Onboarding> ofPurchase(String purchaseId) {
		return first("select * from onboarding where purchase_id = ?", purchaseId);
	}

	/**
	 * Each customer's running onboarding (the latest, should purchases overlap), locked as {@link #lock} does. Rows
	 * are locked in customer order, so concurrent callers with overlapping customers never deadlock.
	 */
	Map<Long, Onboarding> lockOpenOf(Collection<Long> customerIds) {
		Map<Long, Onboarding> open = new HashMap<>();
		if (!customerIds.isEmpty()) {
			namedJdbc.query("""
					select * from onboarding
					where customer_id in (:customerIds) and completed_at is null and cancelled_at is null
					order by customer_id, started_at desc, id desc for update""", Map.of("customerIds", customerIds),
					(rs, row) -> map(rs, row)).forEach(onboarding -> open.putIfAbsent(onboarding.customerId(), onboarding));
		}
		return open;
	}

	List<Onboarding> startedBetween(Instant from, Instant to) {
		return jdbc.query("select * from onboarding where started_at >= ? and started_at < ? order by started_at",
				Onboardings::map, Timestamp.from(from), Timestamp.from(to));
	}

	/**
	 * Serializes everything that decides whether a milestone of this onboarding is reached: the usage event that
	 * reports it and the journey that checks it before waiting for it.
	 */
	void lock(long id) {
		jdbc.queryForList("select id from onboarding where id = ? for update", Long.class, id);
	}

	void complete(long id, Instant at) {
		jdbc.update("update onboarding set completed_at = ? where id = ? and completed_at is null", Timestamp.from(at), id);
	}

	boolean cancel(long id, Instant at) {
		return jdbc.update("""
				update onboarding set cancelled_at = ? where id = ? and completed_at is null and cancelled_at is null""",
				Timestamp.from(at), id) == 1;
	}

	private Optional<Onboarding> first(String sql, Object... arguments) {
		return jdbc.query(sql, Onboardings::map, arguments).stream().findFirst();
	}

	private static Onboarding map(ResultSet rs, int row) throws SQLException {
		return new Onboarding(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("purchase_id"),
				rs.getString("process_instance_id"), rs.getTimestamp("started_at").toInstant(),
				instant(rs.getTimestamp("completed_at")), instant(rs.getTimestamp("cancelled_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
