package io.touchpoints.helpdesk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.task.FollowUp;
import io.touchpoints.task.FollowUpTasks;

/**
 * A ticket still without a first response when the stage's first-response window (support-targets.dmn) has passed
 * puts a task in front of the support leads, once: every node sweeps, and marking the ticket decides which node's
 * sweep creates the task. A first response reported in time means no task.
 */
@Service
public class UnansweredTickets {

	static final String TASK_TYPE = "unanswered-ticket";

	private static final Logger log = LoggerFactory.getLogger(UnansweredTickets.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final JdbcTemplate jdbc;

	private final SupportTargets targets;

	private final CustomerRegistry customers;

	private final FollowUpTasks tasks;

	private final TransactionTemplate transaction;

	private final Clock clock;

	UnansweredTickets(JdbcTemplate jdbc, SupportTargets targets, CustomerRegistry customers, FollowUpTasks tasks,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.customers = customers;
		this.tasks = tasks;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	private record Open(String ticketId, long customerId, String channel, String stage, Instant openedAt) {
	}

	/** Escalates every ticket whose first response is late now; returns how many this call escalated. */
	public int sweep() {
		Instant now = clock.instant();
		Map<String, Integer> hoursByStage = new HashMap<>();
		List<Open> open = jdbc.query("""
				select ticket_id, customer_id, channel, stage, opened_at from support_ticket
				where first_response_at is null and resolved_at is null and escalated_at is null and opened_at is not null
				  and opened_at <= ?
				order by opened_at""", (rs, row) -> new Open(rs.getString(1), rs.getLong(2), rs.getString(3),
				rs.getString(4), rs.getTimestamp(5).toInstant()), Timestamp.from(now.minus(Duration.ofHours(1))));
		int escalated = 0;
		for (Open ticket : open) {
			int hours = hoursByStage.computeIfAbsent(ticket.stage(), stage -> targets.of(stage).firstResponseHours());
			if (ticket.openedAt().plus(Duration.ofHours(hours)).isAfter(now)) {
				continue;
			}
			if (Boolean.TRUE.equals(transaction.execute(status -> escalate(ticket, hours, now)))) {
				escalated++;
			}
		}
		if (escalated > 0) {
			log.info("{} ticket(s) without a first response in time put in front of the support leads", escalated);
		}
		return escalated;
	}

	private boolean escalate(Open ticket, int hours, Instant now) {
		if (jdbc.update("update support_ticket set escalated_at = ? where ticket_id = ? and escalated_at is null",
				Timestamp.from(now), ticket.ticketId()) == 0) {
			return false;
		}
		Customer customer = customers.findById(ticket.customerId())
			.orElseThrow(() -> new IllegalStateException("Ticket " + ticket.ticketId() + " has no customer"));
		tasks.create(FollowUp.of(customer.getExternalRef(), TASK_TYPE,
				"No first response: ticket " + ticket.ticketId() + " of " + customer.getName(),
				"Ticket " + ticket.ticketId() + " (" + ticket.channel() + ") opened on " + WHEN.format(ticket.openedAt())
						+ " has had no first response for " + hours + " hours. Make sure someone answers the customer now."));
		return true;
	}

}
