package io.touchpoints.helpdesk;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a customer is waiting on support (and how many tickets support resolved for them): a ticket opened and not resolved, or reopened since it was resolved. */
@Component
public class OpenTickets {

	private final JdbcTemplate jdbc;

	OpenTickets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public boolean any(long customerId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from support_ticket where customer_id = ? "
				+ "and opened_at is not null and (resolved_at is null or reopened_at > resolved_at)", Boolean.class,
				customerId));
	}

	/** How many of the customer's tickets were (last) resolved within {@code [from, to)}. */
	public int resolved(long customerId, Instant from, Instant to) {
		Integer resolved = jdbc.queryForObject("select count(*) from support_ticket where customer_id = ? "
				+ "and resolved_at >= ? and resolved_at < ?", Integer.class, customerId, Timestamp.from(from),
				Timestamp.from(to));
		return resolved == null ? 0 : resolved;
	}

}
