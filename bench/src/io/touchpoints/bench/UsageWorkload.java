package io.touchpoints.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

/**
 * The usage events of the benchmark: logins and feature uses of {@code customers} customers, spread over the
 * last 30 weeks so the daily counts have many rows. One list of events, drawn once from a fixed seed, is sent
 * both through the API and by plain JDBC; only the event ids differ ({@code prefix}).
 */
final class UsageWorkload {

	static final String[] FEATURES = { "dashboard", "reports", "export", "integrations", "alerts", "search" };

	static final Duration SPREAD = Duration.ofDays(210);

	static final String PROPERTIES = "{\"plan\":\"pro\"}";

	/** One event, without its id: customer number, feature (-1 = login) and when it happened. */
	record Event(int customer, int feature, Instant occurredAt) {

		String type() {
			return feature < 0 ? "login" : "feature_used";
		}

		String name() {
			return feature < 0 ? null : FEATURES[feature];
		}

		String properties() {
			return feature < 0 ? null : PROPERTIES;
		}

	}

	/** A batch of events with ids of its own, as the JSON body the product would send. */
	record Batch(String prefix, int first, List<Event> events, byte[] json) {
	}

	private UsageWorkload() {
	}

	static String customerRef(int customer) {
		return "bench-c-%04d".formatted(customer);
	}

	static List<Event> events(int count, int customers, long seed, Instant now) {
		Random random = new Random(seed);
		List<Event> events = new ArrayList<>(count);
		long spread = SPREAD.toSeconds();
		for (int i = 0; i < count; i++) {
			int feature = random.nextInt(10) < 4 ? -1 : random.nextInt(FEATURES.length);
			Instant occurredAt = now.minusSeconds(1 + (long) (random.nextDouble() * spread)).truncatedTo(ChronoUnit.SECONDS);
			events.add(new Event(random.nextInt(customers), feature, occurredAt));
		}
		return events;
	}

	static String eventId(String prefix, int index) {
		return prefix + "-" + index;
	}

	/** The events cut into batches whose ids start with {@code prefix}, each with its JSON body already built. */
	static List<Batch> batches(List<Event> events, int batchSize, String prefix) {
		List<Batch> batches = new ArrayList<>();
		for (int first = 0; first < events.size(); first += batchSize) {
			List<Event> slice = events.subList(first, Math.min(events.size(), first + batchSize));
			StringBuilder json = new StringBuilder(slice.size() * 180).append('[');
			for (int i = 0; i < slice.size(); i++) {
				Event event = slice.get(i);
				if (i > 0) {
					json.append(',');
				}
				json.append("{\"eventId\":\"").append(eventId(prefix, first + i))
					.append("\",\"customerRef\":\"").append(customerRef(event.customer()))
					.append("\",\"type\":\"").append(event.type()).append('"');
				if (event.name() != null) {
					json.append(",\"name\":\"").append(event.name()).append('"');
				}
				json.append(",\"occurredAt\":\"").append(event.occurredAt()).append('"');
				if (event.properties() != null) {
					json.append(",\"properties\":").append(event.properties());
				}
				json.append('}');
			}
			json.append(']');
			batches.add(new Batch(prefix, first, slice, json.toString().getBytes(StandardCharsets.UTF_8)));
		}
		return batches;
	}

	/**
	 * The raw ceiling for one batch: the same rows the API would store in {@code usage_event}, by plain JDBC batch,
	 * one transaction. No validation, no duplicate check, no daily counts: what the database alone can take.
	 */
	static void insertRaw(DataSource dataSource, Batch batch, Map<Integer, Long> customerIds) throws Exception {
		Timestamp receivedAt = Timestamp.from(Instant.now());
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into usage_event (event_id, customer_id, event_type, event_name, occurred_at, properties, received_at)
					values (?, ?, ?, ?, ?, ?, ?)""")) {
				for (int i = 0; i < batch.events().size(); i++) {
					Event event = batch.events().get(i);
					insert.setString(1, eventId(batch.prefix(), batch.first() + i));
					insert.setLong(2, customerIds.get(event.customer()));
					insert.setString(3, event.type());
					if (event.name() == null) {
						insert.setNull(4, Types.VARCHAR);
					}
					else {
						insert.setString(4, event.name());
					}
					insert.setTimestamp(5, Timestamp.from(event.occurredAt()));
					if (event.properties() == null) {
						insert.setNull(6, Types.VARCHAR);
					}
					else {
						insert.setString(6, event.properties());
					}
					insert.setTimestamp(7, receivedAt);
					insert.addBatch();
				}
				int[] counts = insert.executeBatch();
				if (counts.length != batch.events().size()) {
					throw new IllegalStateException("JDBC batch wrote " + counts.length + " rows, not " + batch.events().size());
				}
			}
			connection.commit();
		}
	}

}
