package io.touchpoints.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Customers with at least one active subscription, in one read: what daily evaluations go through. */
@Component
public class ActiveCustomers {

	/** A customer as evaluations need them; {@code since} is the start of their earliest active subscription. */
	public record ActiveCustomer(long id, String ref, String name, LifecycleStage stage, String tier, LocalDate since) {
	}

	private final JdbcTemplate jdbc;

	ActiveCustomers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<ActiveCustomer> all() {
		return jdbc.query("""
				select c.id, c.external_ref, c.name, c.stage, c.tier, min(s.start_date)
				from customer c join subscription s on s.customer_id = c.id
				where s.status = 'ACTIVE'
				group by c.id, c.external_ref, c.name, c.stage, c.tier
				order by c.id""", (rs, row) -> new ActiveCustomer(rs.getLong(1), rs.getString(2), rs.getString(3),
				LifecycleStage.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5),
				rs.getDate(6).toLocalDate()));
	}

}
