package io.touchpoints.helpdesk;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a customer is waiting on support: a ticket opened and not resolved, or reopened since it was resolved. */
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

}
