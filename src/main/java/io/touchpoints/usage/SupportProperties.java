package io.touchpoints.usage;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** What ticket and live-contact events must say in their properties, so support can be measured from them. */
final class SupportProperties {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

	private static final int MAX_WAIT_SECONDS = 7 * 24 * 3600;

	private SupportProperties() {
	}

	static void ticket(JsonNode properties, String name, List<String> problems) {
		channel(properties, "ticket", problems);
		identifier(properties, "ticketId", "ticket", problems);
		JsonNode contacts = properties.get("agentContacts");
		if ("resolved".equals(name)) {
			if (contacts == null || !contacts.canConvertToInt() || !contacts.isIntegralNumber() || contacts.intValue() < 1
					|| contacts.intValue() > 1000) {
				problems.add("properties.agentContacts must be a whole number from 1 to 1000 on resolved tickets: "
						+ "how many times an agent contacted the customer");
			}
		}
		else if (contacts != null && !contacts.isNull()) {
			problems.add("properties.agentContacts belongs to resolved tickets only");
		}
	}

	static void liveContact(JsonNode properties, String name, List<String> problems) {
		channel(properties, "live_contact", problems);
		identifier(properties, "contactId", "live_contact", problems);
		JsonNode wait = properties.get("waitSeconds");
		boolean ended = "answered".equals(name) || "abandoned".equals(name);
		if (ended && (wait == null || !wait.isIntegralNumber() || !wait.canConvertToInt() || wait.intValue() < 0
				|| wait.intValue() > MAX_WAIT_SECONDS)) {
			problems.add("properties.waitSeconds must be a whole number from 0 to " + MAX_WAIT_SECONDS + " on " + name
					+ " live contacts: how long the customer waited");
		}
	}

	private static void channel(JsonNode properties, String type, List<String> problems) {
		JsonNode channel = properties.get("channel");
		if (channel == null || !channel.isTextual() || !EventType.CHANNELS.contains(channel.textValue())) {
			problems.add("properties.channel must be one of " + EventType.CHANNELS + " for " + type + " events");
		}
	}

	private static void identifier(JsonNode properties, String field, String type, List<String> problems) {
		JsonNode id = properties.get(field);
		if (id == null || !id.isTextual() || !ID.matcher(id.textValue()).matches()) {
			problems.add("properties." + field + " is required for " + type + " events: 1 to 100 letters, digits or . _ : @ -");
		}
	}

}
