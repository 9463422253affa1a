package io.touchpoints.usage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the daily-count deltas that ingestion appends into one row per customer, day, type and name (and seat
 * readings into one row per customer and day), in chunks of
 * a transaction each, until none are left, and marks the days whose rollups the next bulk read recomputes
 * ({@link UsageRollups}). Keeps the deltas few, so reading a customer's usage stays an indexed range scan of the
 * daily rows plus a handful of deltas.
 */
@Component
public class UsageCompaction {

	private static final int DELTAS_PER_TRANSACTION = 1_000;

	private final UsageStore store;

	private final TransactionTemplate transaction;

	UsageCompaction(UsageStore store, PlatformTransactionManager transactions) {
		this.store = store;
		this.transaction = new TransactionTemplate(transactions);
		// Each chunk commits on its own, also when a caller (the adoption evaluation's read) is in a transaction.
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Folds every delta there is; returns how many. */
	public int compact() {
		int total = 0;
		for (int folded = DELTAS_PER_TRANSACTION; folded == DELTAS_PER_TRANSACTION; total += folded) {
			folded = transaction.execute(status -> store.compact(DELTAS_PER_TRANSACTION));
		}
		for (int folded = DELTAS_PER_TRANSACTION; folded == DELTAS_PER_TRANSACTION; total += folded) {
			folded = transaction.execute(status -> store.compactSeats(DELTAS_PER_TRANSACTION));
		}
		return total;
	}

}
