package io.touchpoints.renewal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every active subscription without a renewal cycle its first one when a node starts: those recorded before
 * the renewal journey existed, whose renewal date is still ahead (one already past was never renewable before, so it
 * gets its cycle when billing reports its renewal or moves its date). Each in a transaction of its own, under the
 * subscription's lock, so one cancelled meanwhile gets none; two nodes starting at once start each cycle once (the
 * cycle's row is claimed first). A subscription that fails is logged and tried again at the next start.
 */
@Component
class RenewalBackfill {

	private static final Logger log = LoggerFactory.getLogger(RenewalBackfill.class);

	private final JdbcTemplate jdbc;

	private final RenewalCycles cycles;

	private final RenewingSubscription renewing;

	private final TransactionTemplate transaction;

	private final Clock clock;

	RenewalBackfill(JdbcTemplate jdbc, RenewalCycles cycles, RenewingSubscription renewing,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.renewing = renewing;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startMissingCycles() {
		List<Map<String, Object>> missing = jdbc.queryForList("select s.purchase_id from subscription s "
				+ "where s.status = 'ACTIVE' and s.ends_on is null and s.renewal_date > ? "
				+ "and not exists (select 1 from renewal_cycle c where c.subscription_id = s.id) order by s.id",
				java.sql.Date.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
		int started = 0;
		for (Map<String, Object> row : missing) {
			String purchaseId = (String) row.get("purchase_id");
			try {
				transaction.executeWithoutResult(status -> {
					RenewingSubscription.Of renewal = renewing.locked(purchaseId);
					if (renewal.subscription().isActive() && !renewal.subscription().isEnding()) {
						cycles.startFirst(renewal.subscription(), renewal.customer().getExternalRef(),
								renewal.customer().getName());
					}
				});
				started++;
			}
			catch (DataIntegrityViolationException anotherNode) {
				log.debug("Another node started the renewal cycle of '{}'", purchaseId);
			}
			catch (RuntimeException failed) {
				log.warn("Could not start the renewal cycle of '{}'; the next start tries again", purchaseId, failed);
			}
		}
		if (started > 0) {
			log.info("Started the renewal journey of {} subscriptions recorded before it existed", started);
		}
	}

}
