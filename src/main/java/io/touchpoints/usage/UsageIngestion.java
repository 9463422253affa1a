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
 * (milestones). A batch is one transaction that only inserts: its events, and its daily counts as deltas that
 * {@link UsageCompaction} folds into the daily rows later, so concurrent batches never wait on each other.
 * Milestones are recorded in the batch's transaction and signalled to their journeys after it commits.
 */
@Service
class UsageIngestion {

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
		Stored stored = known.isEmpty() ? Stored.NOTHING
				: Retrying.onConcurrentWrite(() -> storeOnce(known, customerIds), ConcurrencyFailureException.class);
		milestones.send(stored.milestones());
		rejected.sort(Comparator.comparingInt(Rejection::index));
		return new Result(stored.events(), duplicates + known.size() - stored.events(), rejected);
	}

	/** What a batch's transaction stored: how many events, and the milestones to signal once it has committed. */
	private record Stored(int events, List<MilestoneSignals.Signal> milestones) {

		static final Stored NOTHING = new Stored(0, List.of());

	}

	/** Resent events are the exception: the batch is inserted straight away, and checked only when the database objects. */
	private Stored storeOnce(List<UsageEvent> events, Map<String, Long> customerIds) {
		try {
			return transaction.execute(status -> store(events, customerIds, false));
		}
		catch (DuplicateKeyException resent) {
			return transaction.execute(status -> store(events, customerIds, true));
		}
	}

	private Stored store(List<UsageEvent> events, Map<String, Long> customerIds, boolean someStoredBefore) {
		Set<String> existing = someStoredBefore ? store.existingEventIds(events.stream().map(UsageEvent::eventId).toList())
				: Set.of();
		List<UsageEvent> fresh = events.stream().filter(event -> !existing.contains(event.eventId())).toList();
		if (fresh.isEmpty()) {
			return Stored.NOTHING;
		}
		Instant now = clock.instant();
		store.insert(fresh, customerIds, now);
		store.appendDailyDeltas(dailyCounts(fresh, customerIds));
		List<MilestoneSignals.Signal> signals = milestones.record(fresh.stream()
			.filter(event -> event.type() == EventType.MILESTONE)
			.map(event -> new MilestoneSignals.Report(customerIds.get(event.customerRef()), event.name(),
					event.occurredAt(), event.eventId()))
			.toList());
		return new Stored(fresh.size(), signals);
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
