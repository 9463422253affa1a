package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.support.IntegrationTest;

/**
 * The key that signs links is created on first use, which usually happens inside a journey's transaction, by
 * several job threads (or nodes) at once. On PostgreSQL the loser's failed insert used to abort the journey's
 * transaction: a welcome email failed on a fresh database.
 */
@IntegrationTest
class LinkSecretIT {

	private static final String NAME = "mail-link-secret";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EmailSettings settings;

	private List<String> kept;

	@BeforeEach
	void keepTheServicesKey() {
		kept = jdbc.queryForList("select secret_value from service_secret where secret_name = ?", String.class, NAME);
	}

	@AfterEach
	void restoreTheServicesKey() {
		jdbc.update("delete from service_secret where secret_name = ?", NAME);
		kept.forEach(value -> jdbc.update("insert into service_secret (secret_name, secret_value) values (?, ?)", NAME, value));
	}

	@Test
	void journeysRacingForTheFirstKeyAllUseOneAndTheirTransactionsGoOn() throws Exception {
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 15; round++) {
				jdbc.update("delete from service_secret where secret_name = ?", NAME);
				CyclicBarrier together = new CyclicBarrier(threads);
				List<Future<String>> keys = new ArrayList<>();
				for (int thread = 0; thread < threads; thread++) {
					keys.add(pool.submit(() -> new TransactionTemplate(transactions).execute(status -> {
						jdbc.queryForObject("select count(*) from customer", Long.class);
						await(together);
						String key = java.util.Base64.getEncoder().encodeToString(new LinkSecret(jdbc, settings, transactions).key());
						// The journey's own work after the key: fails if the transaction was aborted.
						jdbc.queryForObject("select count(*) from customer", Long.class);
						return key;
					})));
				}
				List<String> seen = new ArrayList<>();
				for (Future<String> key : keys) {
					seen.add(key.get());
				}
				assertThat(seen).as("round %d: one key for all", round).containsOnly(seen.get(0));
				assertThat(jdbc.queryForObject("select secret_value from service_secret where secret_name = ?",
						String.class, NAME)).isEqualTo(seen.get(0));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
