package io.touchpoints.customer;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.touchpoints.system.Retrying;

/**
 * Ends the subscriptions cancelled as of the end of their term once their last day is over in the customer's time
 * zone: each in a transaction of its own (so one failure ends no other), and once, also when several nodes sweep at
 * the same time (the subscription's version decides; the loser finds it ended).
 */
@Service
class SubscriptionTermEnds {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionTermEnds.class);

	private final JdbcTemplate jdbc;

	private final SubscriptionCancellations cancellations;

	private final Clock clock;

	SubscriptionTermEnds(JdbcTemplate jdbc, SubscriptionCancellations cancellations, Clock clock) {
		this.jdbc = jdbc;
		this.cancellations = cancellations;
		this.clock = clock;
	}

	/** How many subscriptions this sweep ended. */
	int sweep() {
		// A day later than UTC's today covers every time zone; each is checked against its own zone when ended.
		LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
		List<Long> due = jdbc.queryForList("select id from subscription where status = 'ACTIVE' and ends_on <= ? "
				+ "order by ends_on, id", Long.class, Date.valueOf(latest));
		int ended = 0;
		for (long id : due) {
			try {
				if (Retrying.onConcurrentWrite(() -> cancellations.endTerm(id), OptimisticLockingException.class)) {
					ended++;
				}
			}
			catch (RuntimeException failed) {
				log.error("Could not end the term of subscription {}; the next sweep tries again", id, failed);
			}
		}
		return ended;
	}

}
