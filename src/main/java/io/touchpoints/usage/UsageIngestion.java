package io.touchpoints.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.signal.CustomerSignal;
import io.touchpoints.signal.CustomerSignals;
import io.touchpoints.signal.SignalDelivery;
import io.touchpoints.system.Retrying;

/**
 * Takes a batch of usage events: valid ones are stored with their daily counts, invalid ones are named with
 * their problems, an event id seen before changes nothing: resent with the same content it is a duplicate, with other
 * content (or for another customer) a conflict. Only events a journey may wait for become engine work
 * (milestones, a ticket resolved). A batch is one transaction that only inserts: its events, and its daily counts as deltas that
 * {@link UsageCompaction} folds into the daily rows later, so concurrent batches never wait on each other.
 * Milestones and resolved tickets are customer signals: journeys record them in the batch's transaction and get
 * them after it commits.
 */
@Service
class UsageIngestion {

	private final UsageEventReader reader;

	private final UsageStore store;

	private final CustomerSignals signals;

	private final List<UsageEventSubscriber> subscribers;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ObjectMapper json;

	UsageIngestion(UsageEventReader reader, UsageStore store, CustomerSignals signals,
			List<UsageEventSubscriber> subscribers, PlatformTransactionManager transactions, Clock clock,
			ObjectMapper json) {
		this.subscribers = subscribers;
		this.reader = reader;
		this.store = store;
		this.signals = signals;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.json = json;
	}

	/** An event the batch refused, and why. */
	record Rejection(int index, String eventId, List<String> problems) {
	}

	/** An event whose id was already used for a different event: nothing of it is stored or counted. */
	record Conflict(int index, String eventId, List<String> fields, String problem) {

		static Conflict of(UsageEvent event, List<String> fields) {
			String usedFor = fields.contains("customerRef") ? "an event of another customer"
					: "a different event (" + String.join(", ", fields) + " differ)";
			return new Conflict(event.index(), event.eventId(), fields, "eventId '" + event.eventId()
					+ "' was already used for " + usedFor + "; an eventId identifies one event");
		}

	}

	/** What became of a batch. */
	record Result(int accepted, int duplicates, List<Conflict> conflicts, List<Rejection> rejected) {
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
		Map<String, UsageEvent> firstById = new HashMap<>();
		List<UsageEvent> repeats = new ArrayList<>();
		for (UsageEvent event : valid) {
			if (!customerIds.containsKey(event.customerRef())) {
				rejected.add(new Rejection(event.index(), event.eventId(), List.of("customerRef '" + event.customerRef()
						+ "' is not a known customer; create it with PUT /api/customers/" + event.customerRef() + " first")));
			}
			else if (firstById.putIfAbsent(event.eventId(), event) == null) {
				known.add(event);
			}
			else {
				repeats.add(event);
			}
		}
		Stored stored = known.isEmpty() ? Stored.NOTHING
				: Retrying.onConcurrentWrite(() -> storeOnce(known, customerIds), ConcurrencyFailureException.class);
		signals.send(stored.deliveries());
		List<Conflict> conflicts = new ArrayList<>(stored.conflicts());
		int duplicates = stored.duplicates();
		for (UsageEvent repeat : repeats) {
			// What the id stands for: the event stored before this batch, else the batch's first event with the id.
			EventContent meant = stored.before()
				.getOrDefault(repeat.eventId(), content(firstById.get(repeat.eventId()), customerIds));
			List<String> differences = meant.differences(content(repeat, customerIds));
			if (differences.isEmpty()) {
				duplicates++;
			}
			else {
				conflicts.add(Conflict.of(repeat, differences));
			}
		}
		conflicts.sort(Comparator.comparingInt(Conflict::index));
		rejected.sort(Comparator.comparingInt(Rejection::index));
		return new Result(stored.events(), duplicates, conflicts, rejected);
	}

	/**
	 * What a batch's transaction stored: how many events, how many were stored before as they are (duplicates) or
	 * otherwise (conflicts), what was stored before under the batch's ids, and the milestones to signal once it has
	 * committed.
	 */
	private record Stored(int events, int duplicates, List<Conflict> conflicts, Map<String, EventContent> before,
			List<SignalDelivery> deliveries) {

		static final Stored NOTHING = new Stored(0, 0, List.of(), Map.of(), List.of());

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
		Map<String, EventContent> storedBefore = someStoredBefore
				? store.storedEvents(events.stream().map(UsageEvent::eventId).toList()) : Map.of();
		List<UsageEvent> fresh = new ArrayList<>();
		List<Conflict> conflicts = new ArrayList<>();
		int duplicates = 0;
		for (UsageEvent event : events) {
			EventContent stored = storedBefore.get(event.eventId());
			List<String> differences = stored == null ? null : stored.differences(content(event, customerIds));
			if (differences == null) {
				fresh.add(event);
			}
			else if (differences.isEmpty()) {
				duplicates++;
			}
			else {
				conflicts.add(Conflict.of(event, differences));
			}
		}
		if (fresh.isEmpty()) {
			return new Stored(0, duplicates, conflicts, storedBefore, List.of());
		}
		Instant now = clock.instant();
		store.insert(fresh, customerIds, now);
		store.appendDailyDeltas(dailyCounts(fresh, customerIds));
		store.appendSeatReadings(seatReadings(fresh, customerIds));
		List<AcceptedEvent> accepted = fresh.stream()
			.map(event -> new AcceptedEvent(customerIds.get(event.customerRef()), event.eventId(), event.type().value(),
					event.name(), event.occurredAt(), event.properties()))
			.toList();
		subscribers.forEach(subscriber -> subscriber.accepted(accepted));
		List<SignalDelivery> deliveries = signals.record(fresh.stream()
			.map(event -> signalOf(event, customerIds.get(event.customerRef())))
			.filter(signal -> signal != null)
			.toList());
		return new Stored(fresh.size(), duplicates, conflicts, storedBefore, deliveries);
	}

	/** The customer signal an event is, or null: milestones, and a ticket resolved (a CSAT may follow). */
	private CustomerSignal signalOf(UsageEvent event, long customerId) {
		if (event.type() == EventType.MILESTONE) {
			return CustomerSignal.milestone(customerId, event.name(), event.occurredAt(), event.eventId());
		}
		if (event.type() == EventType.TICKET && CustomerSignal.RESOLVED.equals(event.name())) {
			return CustomerSignal.ticketResolved(customerId, ticketIdOf(event), event.occurredAt(), event.eventId());
		}
		return null;
	}

	private String ticketIdOf(UsageEvent event) {
		return propertiesOf(event).path("ticketId").asText();
	}

	private List<UsageStore.SeatReading> seatReadings(List<UsageEvent> events, Map<String, Long> customerIds) {
		return events.stream()
			.filter(event -> event.type() == EventType.SEATS)
			.map(event -> new UsageStore.SeatReading(customerIds.get(event.customerRef()), event.occurredAt(),
					UsageEventReader.seatsInUse(propertiesOf(event))))
			.toList();
	}

	private JsonNode propertiesOf(UsageEvent event) {
		try {
			return json.readTree(event.properties());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Properties of event " + event.eventId() + " were read once and are not JSON now", e);
		}
	}

	private static EventContent content(UsageEvent event, Map<String, Long> customerIds) {
		return EventContent.of(event, customerIds.get(event.customerRef()));
	}

	/**
	 * Activity per day: logins, features and tickets. Milestones happen once and are customer signals instead; seats
	 * are readings, kept by {@link UsageStore#appendSeatReadings}.
	 */
	private static Map<UsageStore.DailyKey, Long> dailyCounts(List<UsageEvent> events, Map<String, Long> customerIds) {
		Map<UsageStore.DailyKey, Long> counts = new TreeMap<>();
		for (UsageEvent event : events.stream()
			.filter(event -> event.type() != EventType.MILESTONE && event.type() != EventType.SEATS)
			.toList()) {
			counts.merge(new UsageStore.DailyKey(customerIds.get(event.customerRef()),
					event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), event.type().value(),
					event.name() == null ? "" : event.name()), 1L, Long::sum);
		}
		return counts;
	}

}
