package io.touchpoints.usage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Usage events and their daily counts, written in batches: a row per event, and per batch a delta per day and key,
 * which the compaction folds into one row per day and key.
 */
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

	/** A report of how many seats a customer uses, at a moment. */
	record SeatReading(long customerId, Instant at, int inUse) {
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

	/** The events already stored under any of these ids, by id, as they were stored. */
	Map<String, EventContent> storedEvents(Collection<String> eventIds) {
		Map<String, EventContent> stored = new HashMap<>();
		if (!eventIds.isEmpty()) {
			namedJdbc.query("""
					select event_id, customer_id, event_type, event_name, occurred_at, properties from usage_event
					where event_id in (:ids)""", Map.of("ids", eventIds), rs -> {
				stored.put(rs.getString("event_id"), new EventContent(rs.getLong("customer_id"), rs.getString("event_type"),
						rs.getString("event_name"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
						rs.getString("properties")));
			});
		}
		return stored;
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

	/** Appends a batch's daily counts to the deltas, to be folded into the daily rows by {@link #compact}. */
	void appendDailyDeltas(Map<DailyKey, Long> counts) {
		jdbc.batchUpdate("""
				insert into usage_daily_delta (customer_id, usage_day, event_type, event_name, event_count)
				values (?, ?, ?, ?, ?)""", counts.entrySet()
			.stream()
			.map(count -> new Object[] { count.getKey().customerId(), Date.valueOf(count.getKey().day()),
					count.getKey().type(), count.getKey().name(), count.getValue() })
			.toList());
	}

	/** Appends a batch's seat readings, to be folded into the daily peaks and last readings by {@link #compactSeats}. */
	void appendSeatReadings(List<SeatReading> readings) {
		if (readings.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("insert into usage_seat_reading (customer_id, occurred_at, in_use) values (?, ?, ?)",
				readings.stream()
					.map(reading -> new Object[] { reading.customerId(), Timestamp.from(reading.at()), reading.inUse() })
					.toList());
	}

	/**
	 * Folds up to {@code limit} of the oldest seat readings into one row per customer and UTC day (the day's peak, and
	 * the reading latest in time, whatever order they arrived in) and deletes them; returns how many it folded. Under
	 * the compaction lock, like {@link #compact}.
	 */
	int compactSeats(int limit) {
		lockCompaction();
		List<Long> ids = new ArrayList<>();
		Map<SeatDay, SeatsOfDay> days = new TreeMap<>();
		jdbc.query("select id, customer_id, occurred_at, in_use from usage_seat_reading order by id fetch first ? rows only",
				rs -> {
					ids.add(rs.getLong(1));
					Instant at = rs.getTimestamp(3).toInstant();
					days.merge(new SeatDay(rs.getLong(2), at.atZone(ZoneOffset.UTC).toLocalDate()),
							new SeatsOfDay(rs.getInt(4), rs.getInt(4), at), SeatsOfDay::with);
				}, limit);
		if (ids.isEmpty()) {
			return 0;
		}
		List<Map.Entry<SeatDay, SeatsOfDay>> sorted = List.copyOf(days.entrySet());
		int[] updated = jdbc.batchUpdate("""
				update usage_seats_daily set peak = case when peak < ? then ? else peak end,
				  last_in_use = case when last_at <= ? then ? else last_in_use end,
				  last_at = case when last_at <= ? then ? else last_at end
				where customer_id = ? and usage_day = ?""", sorted.stream().map(day -> {
			SeatsOfDay seats = day.getValue();
			Timestamp at = Timestamp.from(seats.lastAt());
			return new Object[] { seats.peak(), seats.peak(), at, seats.last(), at, at, day.getKey().customerId(),
					Date.valueOf(day.getKey().day()) };
		}).toList());
		List<Object[]> created = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			if (updated[i] == 0) {
				SeatDay key = sorted.get(i).getKey();
				SeatsOfDay seats = sorted.get(i).getValue();
				created.add(new Object[] { key.customerId(), Date.valueOf(key.day()), seats.peak(), seats.last(),
						Timestamp.from(seats.lastAt()) });
			}
		}
		jdbc.batchUpdate("insert into usage_seats_daily (customer_id, usage_day, peak, last_in_use, last_at) "
				+ "values (?, ?, ?, ?, ?)", created);
		jdbc.batchUpdate("delete from usage_seat_reading where id = ?", ids.stream().map(id -> new Object[] { id }).toList());
		return ids.size();
	}

	private record SeatDay(long customerId, LocalDate day) implements Comparable<SeatDay> {

		@Override
		public int compareTo(SeatDay other) {
			int byCustomer = Long.compare(customerId, other.customerId);
			return byCustomer != 0 ? byCustomer : day.compareTo(other.day);
		}

	}

	/** A day's seats: its peak, and its reading latest in time (the later-arriving one when two share a moment). */
	record SeatsOfDay(int peak, int last, Instant lastAt) {

		SeatsOfDay with(SeatsOfDay later) {
			boolean newer = !later.lastAt.isBefore(lastAt);
			return new SeatsOfDay(Math.max(peak, later.peak), newer ? later.last : last, newer ? later.lastAt : lastAt);
		}

	}

	/**
	 * Folds up to {@code limit} of the oldest deltas into the daily rows and deletes them; returns how many it
	 * folded. Runs in the caller's transaction, which holds the compaction lock: one compaction at a time, cluster
	 * wide, so a delta is never counted twice.
	 */
	int compact(int limit) {
		lockCompaction();
		List<Long> ids = new ArrayList<>();
		Map<DailyKey, Long> counts = new TreeMap<>();
		jdbc.query("""
				select id, customer_id, usage_day, event_type, event_name, event_count from usage_daily_delta
				order by id fetch first ? rows only""", rs -> {
			ids.add(rs.getLong(1));
			counts.merge(new DailyKey(rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5)),
					rs.getLong(6), Long::sum);
		}, limit);
		if (ids.isEmpty()) {
			return 0;
		}
		List<Map.Entry<DailyKey, Long>> sorted = List.copyOf(counts.entrySet());
		int[] updated = jdbc.batchUpdate("""
				update usage_daily set event_count = event_count + ?
				where customer_id = ? and usage_day = ? and event_type = ? and event_name = ?""", sorted.stream()
			.map(count -> new Object[] { count.getValue(), count.getKey().customerId(), Date.valueOf(count.getKey().day()),
					count.getKey().type(), count.getKey().name() })
			.toList());
		List<Object[]> created = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			if (updated[i] == 0) {
				DailyKey key = sorted.get(i).getKey();
				created.add(new Object[] { key.customerId(), Date.valueOf(key.day()), key.type(), key.name(),
						sorted.get(i).getValue() });
			}
		}
		jdbc.batchUpdate("""
				insert into usage_daily (customer_id, usage_day, event_type, event_name, event_count)
				values (?, ?, ?, ?, ?)""", created);
		markRollupDaysStale(counts.keySet());
		jdbc.batchUpdate("delete from usage_daily_delta where id = ?", ids.stream().map(id -> new Object[] { id }).toList());
		return ids.size();
	}

	/**
	 * Marks the days of the product use just folded (logins and features) as days whose rollups must be recomputed
	 * before the bulk read ({@link UsageRollups}): a handful of days per chunk, whatever the number of customers.
	 */
	private void markRollupDaysStale(Collection<DailyKey> folded) {
		Set<LocalDate> days = new TreeSet<>();
		folded.stream().filter(key -> EventType.isProductUse(key.type())).forEach(key -> days.add(key.day()));
		if (days.isEmpty()) {
			return;
		}
		namedJdbc.query("select usage_day from usage_rollup_stale_day where usage_day in (:days)",
				Map.of("days", days.stream().map(Date::valueOf).toList()), rs -> {
					days.remove(rs.getDate(1).toLocalDate());
				});
		jdbc.batchUpdate("insert into usage_rollup_stale_day (usage_day) values (?)",
				days.stream().map(day -> new Object[] { Date.valueOf(day) }).toList());
	}

	/**
	 * Recomputes the rollups of every day {@link #compact} marked from the daily rows, and unmarks them; returns how
	 * many days there were. Runs in the caller's transaction, under the compaction lock: no delta is folded (and no
	 * day marked) between reading a day and unmarking it.
	 */
	int refreshRollups() {
		lockCompaction();
		List<Date> days = jdbc.queryForList("select usage_day from usage_rollup_stale_day", Date.class);
		if (days.isEmpty()) {
			return 0;
		}
		// The days as values, not a join with their table: the planner then knows how few rows a day is and reads
		// each customer's day through the daily counts' primary key instead of every row there is.
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
				when not matched then insert (customer_id, feature, first_day) values (r.customer_id, r.feature, r.first_day)""",
				marked);
		jdbc.update("delete from usage_rollup_stale_day");
		return days.size();
	}

	/** Takes the cluster-wide compaction lock (a row lock) until the caller's transaction ends. */
	private void lockCompaction() {
		jdbc.queryForList("select id from usage_compaction where id = 1 for update", Integer.class);
	}

}
