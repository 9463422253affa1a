package io.touchpoints.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.onboarding.MilestoneSignals;
import io.touchpoints.system.Retrying;

/**
 * Takes a batch of usage events: valid ones are stored with their daily counts, invalid ones are named with
 * their problems, an event id seen before changes nothing. Only events a journey may wait for become engine work
 * (milestones). A batch is one transaction, after a short one that creates the daily rows it will add to; a batch
 * that races another over the same rows is run again.
 */
@Service
class UsageIngestion {

	private static final int DAILY_ROWS_PER_TRANSACTION = 200;

	private final UsageEventReader reader;

	private final UsageStore store;

	private final MilestoneSignals milestones;

	private final TransactionTemplate transaction;

	private final Clock clock;

	UsageIngestion(UsageEventReader reader, UsageStore store, MilestoneSignals milestones,
			PlatformTransactionManager transactions, Clock clock) {
		this.reader = reader;
		this.store = store;
		this.milestones = milestones;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** An event the batch refused, and why. */
	record Rejection(int index, String eventId, List<String> problems) {
	}

	/** What became of a batch. */
	record Result(int accepted, int duplicates, List<Rejection> rejected) {
	}

	Result ingest(JsonNode batch) {
		List<Rejection> rejected = new ArrayList<>();
		List<UsageEvent> valid = new ArrayList<>();
		for (int index = 0; index < batch.size(); index++) {
			JsonNode node = batch.get(index);
			UsageEventReader.Read read = reader.read(index, node);
			if (read.event() != null) {
				valid.add(read.event());
			}
			else {
				rejected.add(new Rejection(index, node.path("eventId").isTextual() ? node.get("eventId").asText() : null,
						read.problems()));
			}
		}
		Map<String, Long> customerIds = store.customerIds(valid.stream().map(UsageEvent::customerRef).distinct().toList());
		List<UsageEvent> known = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int duplicates = 0;
		for (UsageEvent event : valid) {
			if (!customerIds.containsKey(event.customerRef())) {
				rejected.add(new Rejection(event.index(), event.eventId(), List.of("customerRef '" + event.customerRef()
						+ "' is not a known customer; create it with PUT /api/customers/" + event.customerRef() + " first")));
			}
			else if (!seen.add(event.eventId())) {
				duplicates++;
			}
			else {
				known.add(event);
			}
		}
		createDailyRows(dailyCounts(known, customerIds).keySet());
		int stored = known.isEmpty() ? 0 : Retrying.onConcurrentWrite(() -> storeOnce(known, customerIds),
				ConcurrencyFailureException.class, OptimisticLockingException.class);
		rejected.sort(Comparator.comparingInt(Rejection::index));
		return new Result(stored, duplicates + known.size() - stored, rejected);
	}

	/**
	 * Creates the daily rows a batch will add to, in small transactions of their own: concurrent batches bringing
	 * the same new day collide only over a few rows, and the loser creates just those again.
	 */
	private void createDailyRows(Set<UsageStore.DailyKey> keys) {
		List<UsageStore.DailyKey> sorted = keys.stream().sorted().toList();
		for (int from = 0; from < sorted.size(); from += DAILY_ROWS_PER_TRANSACTION) {
			List<UsageStore.DailyKey> chunk = sorted.subList(from, Math.min(sorted.size(), from + DAILY_ROWS_PER_TRANSACTION));
			Retrying.onConcurrentWrite(() -> transaction.execute(status -> {
				store.createMissingDailyRows(chunk);
				return null;
			}));
		}
	}

	/** Resent events are the exception: the batch is inserted straight away, and checked only when the database objects. */
	private int storeOnce(List<UsageEvent> events, Map<String, Long> customerIds) {
		try {
			return transaction.execute(status -> store(events, customerIds, false));
		}
		catch (DuplicateKeyException resent) {
			return transaction.execute(status -> store(events, customerIds, true));
		}
	}

	private int store(List<UsageEvent> events, Map<String, Long> customerIds, boolean someStoredBefore) {
		Set<String> existing = someStoredBefore ? store.existingEventIds(events.stream().map(UsageEvent::eventId).toList())
				: Set.of();
		List<UsageEvent> fresh = events.stream().filter(event -> !existing.contains(event.eventId())).toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		store.insert(fresh, customerIds, now);
		store.addToDailyCounts(dailyCounts(fresh, customerIds));
		fresh.stream()
			.filter(event -> event.type() == EventType.MILESTONE)
			.sorted(Comparator.comparing(event -> customerIds.get(event.customerRef())))
			.forEach(event -> milestones.reached(customerIds.get(event.customerRef()), event.name(), event.occurredAt(),
					event.eventId()));
		return fresh.size();
	}

	/** Activity per day: logins, features and tickets. Milestones happen once and are recorded on the onboarding. */
	private static Map<UsageStore.DailyKey, Long> dailyCounts(List<UsageEvent> events, Map<String, Long> customerIds) {
		Map<UsageStore.DailyKey, Long> counts = new TreeMap<>();
		for (UsageEvent event : events.stream().filter(event -> event.type() != EventType.MILESTONE).toList()) {
			counts.merge(new UsageStore.DailyKey(customerIds.get(event.customerRef()),
					event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), event.type().value(),
					event.name() == null ? "" : event.name()), 1L, Long::sum);
		}
		return counts;
	}

}
