package io.touchpoints.usage;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AcceptedDates;
import io.touchpoints.system.ControlCharacters;

/** Reads one usage event of a batch, naming every problem it has; a bad event never spoils the rest of its batch. */
@Component
class UsageEventReader {

	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

	private static final int MAX_PROPERTIES = 50;

	private static final int MAX_PROPERTIES_LENGTH = 4000;

	private static final String SEATS_IN_USE = "properties.inUse must be a whole number from 0 to "
			+ EventType.MAX_SEATS + " for seats events: how many seats are in use";

	private final ObjectMapper json;

	private final Clock clock;

	UsageEventReader(ObjectMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	/** Either the event, or why it was refused. */
	record Read(UsageEvent event, List<String> problems) {
	}

	Read read(int index, JsonNode node) {
		List<String> problems = new ArrayList<>();
		if (!node.isObject()) {
			return new Read(null, List.of("must be a JSON object"));
		}
		String eventId = id(node, "eventId", problems);
		String customerRef = id(node, "customerRef", problems);
		EventType type = type(node, problems);
		String name = name(node, type, problems);
		Instant occurredAt = occurredAt(node, problems);
		String properties = properties(node, type, name, problems);
		return problems.isEmpty() ? new Read(new UsageEvent(index, eventId, customerRef, type, name, occurredAt, properties), List.of())
				: new Read(null, problems);
	}

	private static String id(JsonNode node, String field, List<String> problems) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			problems.add(field + " is required");
			return null;
		}
		if (!value.isTextual()) {
			problems.add(field + " must be a string, not " + kind(value));
			return null;
		}
		String controlCharacter = ControlCharacters.problem(value.textValue(), false);
		if (controlCharacter != null) {
			problems.add(field + " " + controlCharacter);
			return null;
		}
		if (!ID.matcher(value.textValue()).matches()) {
			problems.add(field + " must be 1 to 100 letters, digits or . _ : @ -");
			return null;
		}
		return value.textValue();
	}

	private static EventType type(JsonNode node, List<String> problems) {
		JsonNode value = node.get("type");
		if (value != null && !value.isNull() && !value.isTextual()) {
			problems.add("type must be a string, not " + kind(value));
			return null;
		}
		var type = value == null || value.isNull() ? null : EventType.of(value.textValue()).orElse(null);
		if (type == null) {
			problems.add("type must be one of " + EventType.valueNames());
		}
		return type;
	}

	private static String name(JsonNode node, EventType type, List<String> problems) {
		JsonNode value = node.get("name");
		if (value != null && !value.isNull() && !value.isTextual()) {
			problems.add("name must be a string or null, not " + kind(value));
			return null;
		}
		String name = value == null || value.isNull() ? null : value.textValue().strip();
		String controlCharacter = ControlCharacters.problem(name, false);
		if (controlCharacter != null) {
			problems.add("name " + controlCharacter);
			return null;
		}
		if (type == null) {
			return name;
		}
		switch (type) {
			case LOGIN, SEATS -> {
				if (name != null) {
					problems.add("name must be null for " + type.value() + " events");
				}
			}
			case FEATURE_USED -> {
				if (name == null || name.isEmpty() || name.length() > 100) {
					problems.add("name must name the feature (1 to 100 characters)");
				}
			}
			case MILESTONE -> {
				if (!MilestoneNames.ALL.contains(name)) {
					problems.add("name must be one of the milestones " + MilestoneNames.ALL);
				}
			}
			case TICKET -> {
				if (!EventType.TICKET_NAMES.contains(name)) {
					problems.add("name must be one of " + EventType.TICKET_NAMES + " for ticket events");
				}
			}
			case LIVE_CONTACT -> {
				if (!EventType.LIVE_CONTACT_NAMES.contains(name)) {
					problems.add("name must be one of " + EventType.LIVE_CONTACT_NAMES + " for live_contact events");
				}
			}
		}
		return name;
	}

	private Instant occurredAt(JsonNode node, List<String> problems) {
		JsonNode value = node.get("occurredAt");
		if (value == null || value.isNull()) {
			problems.add("occurredAt is required");
			return null;
		}
		if (!value.isTextual()) {
			problems.add("occurredAt must be a string, not " + kind(value));
			return null;
		}
		try {
			Instant occurredAt = OffsetDateTime.parse(value.asText()).toInstant();
			String outOfRange = AcceptedDates.problem(occurredAt);
			if (outOfRange != null) {
				problems.add("occurredAt " + value.asText() + " " + outOfRange);
				return null;
			}
			if (occurredAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
				problems.add("occurredAt " + value.asText() + " is in the future (more than " + CLOCK_SKEW.toMinutes()
						+ " minutes ahead of the server clock)");
			}
			return occurredAt;
		}
		catch (DateTimeException e) {
			problems.add("occurredAt must be an ISO-8601 instant with offset, such as 2026-11-23T10:00:00Z");
			return null;
		}
	}

	private String properties(JsonNode node, EventType type, String name, List<String> problems) {
		JsonNode value = node.get("properties");
		if (value == null || value.isNull() || (value.isObject() && value.isEmpty())) {
			if (type == EventType.TICKET) {
				problems.add("properties must carry channel and ticketId for ticket events");
			}
			if (type == EventType.LIVE_CONTACT) {
				problems.add("properties must carry channel and contactId for live_contact events");
			}
			if (type == EventType.SEATS) {
				problems.add(SEATS_IN_USE);
			}
			return null;
		}
		if (!value.isObject()) {
			problems.add("properties must be a JSON object");
			return null;
		}
		if (value.size() > MAX_PROPERTIES) {
			problems.add("properties may have at most " + MAX_PROPERTIES + " entries");
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String keyProblem = ControlCharacters.problem(field.getKey(), false);
			String valueProblem = ControlCharacters.problem(field.getValue().textValue(), true);
			if (keyProblem != null) {
				problems.add("properties: a key " + keyProblem);
			}
			else if (field.getValue().isContainerNode()) {
				problems.add("properties." + field.getKey() + " must be a string, number, boolean or null");
			}
			else if (valueProblem != null) {
				problems.add("properties." + field.getKey() + " " + valueProblem);
			}
		}
		if (type == EventType.TICKET) {
			SupportProperties.ticket(value, name, problems);
		}
		if (type == EventType.LIVE_CONTACT) {
			SupportProperties.liveContact(value, name, problems);
		}
		if (type == EventType.SEATS && seatsInUse(value) == null) {
			problems.add(SEATS_IN_USE);
		}
		try {
			String serialized = json.writeValueAsString(value);
			if (serialized.length() > MAX_PROPERTIES_LENGTH) {
				problems.add("properties may take at most " + MAX_PROPERTIES_LENGTH + " characters as JSON");
			}
			return serialized;
		}
		catch (JsonProcessingException e) {
			problems.add("properties cannot be stored: " + e.getOriginalMessage());
			return null;
		}
	}

	/** The seats a seats event reports in use, or null when it does not say so as a whole number in range. */
	static Integer seatsInUse(JsonNode properties) {
		JsonNode inUse = properties.get("inUse");
		return inUse != null && inUse.isIntegralNumber() && inUse.canConvertToInt() && inUse.intValue() >= 0
				&& inUse.intValue() <= EventType.MAX_SEATS ? inUse.intValue() : null;
	}

	private static String kind(JsonNode value) {
		return value.isNumber() ? "a number" : value.isBoolean() ? "a boolean" : value.isArray() ? "an array" : "an object";
	}

}
