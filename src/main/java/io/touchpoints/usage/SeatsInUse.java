package io.touchpoints.usage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many seats a customer used per UTC day, as reported by seats events: the day's peak and its last reading. Reads
 * the folded days and the readings not yet folded, so the answer is the same before and after the compaction.
 */
@Component
public class SeatsInUse {

	private final NamedParameterJdbcTemplate jdbc;

	SeatsInUse(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One day's seats in use. */
	public record DailySeats(LocalDate day, int peak, int last) {
	}

	// One snapshot for both reads: a compaction committing in between would move readings out of the second.
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<DailySeats> of(long customerId, LocalDate from, LocalDate to) {
		Map<String, Object> range = Map.of("customerId", customerId, "from", Date.valueOf(from), "to", Date.valueOf(to),
				"start", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
				"end", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		Map<LocalDate, UsageStore.SeatsOfDay> days = new TreeMap<>();
		jdbc.query("""
				select usage_day, peak, last_in_use, last_at from usage_seats_daily
				where customer_id = :customerId and usage_day >= :from and usage_day <= :to""", range, rs -> {
			days.put(rs.getDate(1).toLocalDate(),
					new UsageStore.SeatsOfDay(rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant()));
		});
		jdbc.query("""
				select occurred_at, in_use from usage_seat_reading
				where customer_id = :customerId and occurred_at >= :start and occurred_at < :end order by id""", range, rs -> {
			Instant at = rs.getTimestamp(1).toInstant();
			days.merge(at.atZone(ZoneOffset.UTC).toLocalDate(), new UsageStore.SeatsOfDay(rs.getInt(2), rs.getInt(2), at),
					UsageStore.SeatsOfDay::with);
		});
		return days.entrySet()
			.stream()
			.map(day -> new DailySeats(day.getKey(), day.getValue().peak(), day.getValue().last()))
			.toList();
	}

}
