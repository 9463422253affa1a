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
	 * Adds to the daily counts in key order, so concurrent batches take row locks in the same order and never
	 * deadlock; a batch that loses a race to create the same new row is retried by the caller.
	 */
	void addToDailyCounts(Map<DailyKey, Long> counts) {
		jdbc.batchUpdate("""
				merge into usage_daily d
				using (values (cast(? as bigint), cast(? as date), cast(? as varchar(20)), cast(? as varchar(100)), cast(? as bigint)))
				  as s (customer_id, usage_day, event_type, event_name, event_count)
				on d.customer_id = s.customer_id and d.usage_day = s.usage_day and d.event_type = s.event_type
				   and d.event_name = s.event_name
				when matched then update set event_count = d.event_count + s.event_count
				when not matched then insert (customer_id, usage_day, event_type, event_name, event_count)
				  values (s.customer_id, s.usage_day, s.event_type, s.event_name, s.event_count)""",
				counts.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map(count -> new Object[] { count.getKey().customerId(), Date.valueOf(count.getKey().day()),
							count.getKey().type(), count.getKey().name(), count.getValue() })
					.toList());
	}

}
