package io.touchpoints.usage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Usage events and their daily counts, written in batches: the one table per event, one row per day and key. */
@Component
class UsageStore {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate namedJdbc;

	UsageStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc) {
		this.jdbc = jdbc;
		this.namedJdbc = namedJdbc;
	}

	/** A row of the daily counts: one customer, UTC day, type and name ({@code ""} when the type has none). */
	record DailyKey(long customerId, LocalDate day, String type, String name) implements Comparable<DailyKey> {

		@Override
		public int compareTo(DailyKey other) {
			int byCustomer = Long.compare(customerId, other.customerId);
			if (byCustomer != 0) {
				return byCustomer;
			}
			int byDay = day.compareTo(other.day);
			if (byDay != 0) {
				return byDay;
			}
			int byType = type.compareTo(other.type);
			return byType != 0 ? byType : name.compareTo(other.name);
		}

	}

	Map<String, Long> customerIds(Collection<String> externalRefs) {
		Map<String, Long> ids = new HashMap<>();
		if (!externalRefs.isEmpty()) {
			namedJdbc.query("select id, external_ref from customer where external_ref in (:refs)",
					Map.of("refs", externalRefs), rs -> {
						ids.put(rs.getString("external_ref"), rs.getLong("id"));
					});
		}
		return ids;
	}

	Set<String> existingEventIds(Collection<String> eventIds) {
		Set<String> existing = new HashSet<>();
		if (!eventIds.isEmpty()) {
			namedJdbc.query("select event_id from usage_event where event_id in (:ids)", Map.of("ids", eventIds),
					rs -> {
						existing.add(rs.getString(1));
					});
		}
		return existing;
	}

	void insert(List<UsageEvent> events, Map<String, Long> customerIds, Instant receivedAt) {
		Timestamp received = Timestamp.from(receivedAt);
		jdbc.batchUpdate("""
				insert into usage_event (event_id, customer_id, event_type, event_name, occurred_at, properties, received_at)
				values (?, ?, ?, ?, ?, ?, ?)""", events.stream()
			.map(event -> new Object[] { event.eventId(), customerIds.get(event.customerRef()), event.type().value(),
					event.name(), Timestamp.from(event.occurredAt()), event.properties(), received })
			.toList());
	}

	/**
	 * Creates the daily rows these keys do not have yet, with a count of 0. Runs in a transaction of its own before
	 * the batch's: rows are only ever created, so a batch that loses a race to create the same row only has to
	 * create the rest again, and the batch itself never does.
	 */
	void createMissingDailyRows(Collection<DailyKey> keys) {
		jdbc.batchUpdate("""
				insert into usage_daily (customer_id, usage_day, event_type, event_name, event_count)
				select ?, ?, ?, ?, 0 where not exists (select 1 from usage_daily
				  where customer_id = ? and usage_day = ? and event_type = ? and event_name = ?)""",
				keys.stream().sorted().map(key -> {
					Date day = Date.valueOf(key.day());
					return new Object[] { key.customerId(), day, key.type(), key.name(), key.customerId(), day, key.type(),
							key.name() };
				}).toList());
	}

	/** Adds to existing daily rows in key order, so concurrent batches lock rows in the same order and never deadlock. */
	void addToDailyCounts(Map<DailyKey, Long> counts) {
		jdbc.batchUpdate("""
				update usage_daily set event_count = event_count + ?
				where customer_id = ? and usage_day = ? and event_type = ? and event_name = ?""",
				counts.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map(count -> new Object[] { count.getValue(), count.getKey().customerId(),
							Date.valueOf(count.getKey().day()), count.getKey().type(), count.getKey().name() })
					.toList());
	}

}
