package io.touchpoints.usage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the rollups the bulk read uses ({@code usage_active_day}, {@code usage_feature}) up to date with the daily
 * counts: every day the compaction marked is recomputed from {@code usage_daily}. Done before the bulk read rather
 * than as each delta is folded, so the compaction costs what it did before the rollups (decision 18).
 */
@Component
class UsageRollups {

	private final UsageStore store;

	private final TransactionTemplate transaction;

	UsageRollups(UsageStore store, PlatformTransactionManager transactions) {
		this.store = store;
		this.transaction = new TransactionTemplate(transactions);
		// Commits on its own, also when a caller (the adoption evaluation's read) is in a transaction.
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Recomputes the marked days; returns how many there were. */
	int refresh() {
		return transaction.execute(status -> store.refreshRollups());
	}

}
