package io.touchpoints.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The customer timeline: every touchpoint is appended here, in the transaction of whatever caused it. An entry
 * with a reference is written once per kind, however often the job that writes it is retried.
 */
@Service
public class Timeline {

	private static final RowMapper<TimelineEntry> ENTRY = (rs, row) -> new TimelineEntry(rs.getLong("id"),
			rs.getLong("customer_id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
			rs.getString("summary"), rs.getString("detail"), rs.getString("actor"), rs.getString("process_instance_id"));

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	Timeline(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What to append: the customer, the kind, a one-line summary; the rest is optional. */
	public record Entry(long customerId, String kind, String summary, String detail, String actor,
			String processInstanceId, String reference) {

		public static Entry of(long customerId, String kind, String summary) {
			return new Entry(customerId, kind, summary, null, null, null, null);
		}

		public Entry detail(String detail) {
			return new Entry(customerId, kind, summary, detail, actor, processInstanceId, reference);
		}

		public Entry actor(String actor) {
			return new Entry(customerId, kind, summary, detail, actor, processInstanceId, reference);
		}

		public Entry processInstance(String processInstanceId) {
			return new Entry(customerId, kind, summary, detail, actor, processInstanceId, reference);
		}

		public Entry reference(String reference) {
			return new Entry(customerId, kind, summary, detail, actor, processInstanceId, reference);
		}

	}

	public void record(Entry entry) {
		recordAll(List.of(entry));
	}

	/** Appends the entries in one batch, in order. */
	public void recordAll(List<Entry> entries) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.batchUpdate("""
				insert into timeline_entry (customer_id, occurred_at, kind, summary, detail, actor, process_instance_id, reference)
				select :customerId, :occurredAt, :kind, :summary, :detail, :actor, :processInstanceId, :reference
				where cast(:reference as varchar(300)) is null
				   or not exists (select 1 from timeline_entry where kind = :kind and reference = :reference)""",
				entries.stream().map(entry -> values(entry, now)).toArray(MapSqlParameterSource[]::new));
	}

	private static MapSqlParameterSource values(Entry entry, Timestamp occurredAt) {
		return new MapSqlParameterSource().addValue("customerId", entry.customerId())
			.addValue("occurredAt", occurredAt)
			.addValue("kind", entry.kind())
			.addValue("summary", truncate(entry.summary(), 500))
			.addValue("detail", truncate(entry.detail(), 2000))
			.addValue("actor", entry.actor())
			.addValue("processInstanceId", entry.processInstanceId())
			.addValue("reference", truncate(entry.reference(), 300));
	}

	/** A page of a customer's timeline, newest first, optionally limited to {@code [from, to)}. */
	public List<TimelineEntry> page(long customerId, Instant from, Instant to, int page, int size) {
		return jdbc.query("""
				select * from timeline_entry
				where customer_id = :customerId and occurred_at >= :from and occurred_at < :to
				order by occurred_at desc, id desc
				offset :offset rows fetch next :size rows only""", range(customerId, from, to)
			.addValue("offset", (long) page * size)
			.addValue("size", size), ENTRY);
	}

	public long count(long customerId, Instant from, Instant to) {
		Long count = jdbc.queryForObject("""
				select count(*) from timeline_entry
				where customer_id = :customerId and occurred_at >= :from and occurred_at < :to""",
				range(customerId, from, to), Long.class);
		return count == null ? 0 : count;
	}

	/** How many entries of one kind the customer's timeline has within {@code [from, to)}. */
	public long count(long customerId, String kind, Instant from, Instant to) {
		Long count = jdbc.queryForObject("""
				select count(*) from timeline_entry
				where customer_id = :customerId and kind = :kind and occurred_at >= :from and occurred_at < :to""",
				range(customerId, from, to).addValue("kind", kind), Long.class);
		return count == null ? 0 : count;
	}

	private static MapSqlParameterSource range(long customerId, Instant from, Instant to) {
		return new MapSqlParameterSource().addValue("customerId", customerId)
			.addValue("from", Timestamp.from(from == null ? Instant.EPOCH : from))
			.addValue("to", Timestamp.from(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to));
	}

	private static String truncate(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
	}

}
