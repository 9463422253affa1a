package io.touchpoints.customer;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Every change of a subscription's terms, appended in the transaction that makes it: what renewal, churn and revenue
 * retention are computed from, effective on the day billing says, whenever it was reported.
 */
@Component
class SubscriptionLedger {

	enum Kind {

		STARTED("started"), CHANGED("changed"), RENEWED("renewed"), CANCELLATION_SCHEDULED("cancellation-scheduled"),
		CANCELLED("cancelled");

		final String value;

		Kind(String value) {
			this.value = value;
		}

	}

	private static final String TERMS_OF = "select plan, renewal_date, annual_value, seats from subscription_change "
			+ "where subscription_id = ? ";

	private static final RowMapper<SubscriptionTerms> TERMS = (rs, row) -> new SubscriptionTerms(rs.getString(1),
			rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), (Integer) rs.getObject(4, Integer.class));

	private final JdbcTemplate jdbc;

	SubscriptionLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(Subscription subscription, Kind kind, LocalDate effectiveOn, BigDecimal annualValueBefore, Instant at) {
		jdbc.update("insert into subscription_change (subscription_id, customer_id, kind, effective_on, plan, "
				+ "renewal_date, annual_value_before, annual_value, seats, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				subscription.getId(), subscription.getCustomerId().getId(), kind.value, Date.valueOf(effectiveOn),
				subscription.getPlan(), Date.valueOf(subscription.getRenewalDate()), annualValueBefore,
				subscription.getAnnualValue(), subscription.getSeats(), Timestamp.from(at));
	}

	/** The terms the subscription was bought on (its purchase's), whatever changed since. */
	SubscriptionTerms startedOn(Subscription subscription) {
		return jdbc.queryForObject(TERMS_OF + "and kind = 'started' order by id fetch first 1 rows only", TERMS,
				subscription.getId());
	}

	/** The terms of a renewal reported before that ran the subscription on to this renewal date, if there was one. */
	Optional<SubscriptionTerms> renewedTo(Subscription subscription, LocalDate renewalDate) {
		return jdbc.query(TERMS_OF + "and kind = 'renewed' and renewal_date = ? order by id fetch first 1 rows only",
				TERMS, subscription.getId(), Date.valueOf(renewalDate)).stream().findFirst();
	}


}
