package io.touchpoints.renewal;

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
 * the renewal journey existed. Each in a transaction of its own; two nodes starting at once start each cycle once
 * (the cycle's row is claimed first).
 */
@Component
class RenewalBackfill {

	private static final Logger log = LoggerFactory.getLogger(RenewalBackfill.class);

	private final JdbcTemplate jdbc;

	private final RenewalCycles cycles;

	private final RenewingSubscription renewing;

	private final TransactionTemplate transaction;

	RenewalBackfill(JdbcTemplate jdbc, RenewalCycles cycles, RenewingSubscription renewing,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.renewing = renewing;
		this.transaction = new TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	void startMissingCycles() {
		List<Map<String, Object>> missing = jdbc.queryForList("select s.purchase_id from subscription s "
				+ "where s.status = 'ACTIVE' and s.ends_on is null "
				+ "and not exists (select 1 from renewal_cycle c where c.subscription_id = s.id) order by s.id");
		int started = 0;
		for (Map<String, Object> row : missing) {
			String purchaseId = (String) row.get("purchase_id");
			try {
				transaction.executeWithoutResult(status -> {
					RenewingSubscription.Of renewal = renewing.of(purchaseId);
					cycles.startFirst(renewal.subscription(), renewal.customer().getExternalRef(),
							renewal.customer().getName());
				});
				started++;
			}
			catch (DataIntegrityViolationException anotherNode) {
				log.debug("Another node started the renewal cycle of '{}'", purchaseId);
			}
		}
		if (started > 0) {
			log.info("Started the renewal journey of {} subscriptions recorded before it existed", started);
		}
	}

}
