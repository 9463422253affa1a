package io.touchpoints.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What a usage event says, as stored: an event id stands for exactly this. A resent event is the same event when
 * every part is the same: properties as JSON values (keys in any order), and the moment to the microsecond, which is
 * all the databases keep.
 */
record EventContent(long customerId, String type, String name, Instant occurredAt, String properties) {

	private static final Duration STORED_PRECISION = Duration.ofNanos(1_000);

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	static EventContent of(UsageEvent event, long customerId) {
		return new EventContent(customerId, event.type().value(), event.name(), event.occurredAt(), event.properties());
	}

	/** The request fields in which {@code other} differs from this event; empty when it is the same event. */
	List<String> differences(EventContent other) {
		List<String> fields = new ArrayList<>();
		if (customerId != other.customerId) {
			fields.add("customerRef");
		}
		if (!type.equals(other.type)) {
			fields.add("type");
		}
		if (!Objects.equals(name, other.name)) {
			fields.add("name");
		}
		if (Duration.between(occurredAt, other.occurredAt).abs().compareTo(STORED_PRECISION) >= 0) {
			fields.add("occurredAt");
		}
		if (!Objects.equals(json(properties), json(other.properties))) {
			fields.add("properties");
		}
		return fields;
	}

	private static JsonNode json(String properties) {
		try {
			return properties == null ? null : JSON.readTree(properties);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Stored properties are not JSON: " + properties, e);
		}
	}

}
