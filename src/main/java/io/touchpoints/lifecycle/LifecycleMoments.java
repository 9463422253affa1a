package io.touchpoints.lifecycle;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.process.ModelNames;
import io.touchpoints.signal.CustomerSignal;
import io.touchpoints.signal.SignalDelivery;
import io.touchpoints.signal.SignalSubscriber;

/**
 * The lifecycle's subscription to customer signals that start something in it: a support ticket resolved becomes
 * {@code SupportTicketResolved} to the customer's lifecycle, whose event sub-process decides what follows (a CSAT
 * survey). A resolution counts once however often it is reported (a ticket resolved again after a reopening is a
 * moment of its own); the delivery is marked in its own transaction, so a moment lost to a crash is sent again by the
 * sweep and none is sent twice, also when two nodes try at once.
 */
@Service
class LifecycleMoments implements SignalSubscriber {

	static final String TICKET_RESOLVED = "ticket-resolved";

	private final JdbcTemplate jdbc;

	private final CustomerRegistry customers;

	private final Clock clock;

	LifecycleMoments(JdbcTemplate jdbc, CustomerRegistry customers, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.clock = clock;
	}

	@Override
	public List<SignalDelivery> record(List<CustomerSignal> signals) {
		List<SignalDelivery> deliveries = new ArrayList<>();
		for (CustomerSignal signal : signals) {
			if (signal.is(CustomerSignal.TICKET, CustomerSignal.RESOLVED) && recordOnce(signal)) {
				long id = jdbc.queryForObject("select id from lifecycle_moment where customer_id = ? and moment = ? "
						+ "and subject = ? and occurred_at = ?", Long.class, signal.customerId(), TICKET_RESOLVED, signal.subject(),
						Timestamp.from(signal.occurredAt()));
				deliveries.add(delivery(id, customers.findById(signal.customerId()).orElseThrow().getExternalRef()));
			}
		}
		return deliveries;
	}

	@Override
	public List<SignalDelivery> undelivered() {
		List<Map<String, Object>> rows = jdbc.queryForList("select m.id, c.external_ref from lifecycle_moment m "
				+ "join customer c on c.id = m.customer_id where m.delivered_at is null order by m.id");
		return rows.stream()
			.map(row -> delivery(((Number) row.get("id")).longValue(), (String) row.get("external_ref")))
			.toList();
	}

	private boolean recordOnce(CustomerSignal signal) {
		try {
			Timestamp at = Timestamp.from(signal.occurredAt());
			return jdbc.update("insert into lifecycle_moment (customer_id, moment, subject, occurred_at, event_id) "
					+ "select ?, ?, ?, ?, ? where not exists (select 1 from lifecycle_moment where customer_id = ? and moment = ? "
					+ "and subject = ? and occurred_at = ?)", signal.customerId(), TICKET_RESOLVED, signal.subject(), at,
					signal.eventId(), signal.customerId(), TICKET_RESOLVED, signal.subject(), at) == 1;
		}
		catch (DuplicateKeyException concurrentBatch) {
			// On PostgreSQL the batch cannot go on after the failed insert: it runs again and finds the row.
			throw new OptimisticLockingFailureException("Ticket " + signal.subject()
					+ " was reported resolved by another batch at the same time", concurrentBatch);
		}
	}

	private SignalDelivery delivery(long momentId, String customerRef) {
		return SignalDelivery.toStart(customerRef, ModelNames.SUPPORT_TICKET_RESOLVED,
				reached -> jdbc.update("update lifecycle_moment set delivered_at = ?, reached = ? where id = ? "
						+ "and delivered_at is null", Timestamp.from(clock.instant()), reached, momentId) == 1);
	}

}
