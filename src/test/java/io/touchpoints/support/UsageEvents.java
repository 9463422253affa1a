package io.touchpoints.support;

import java.time.Instant;
import java.util.UUID;

/** Usage events as the product sends them, for tests. */
public final class UsageEvents {

	private UsageEvents() {
	}

	public static String milestone(String customerRef, String milestone, Instant occurredAt) {
		return event(customerRef, "milestone", "\"" + milestone + "\"", occurredAt, "{}");
	}

	public static String login(String customerRef, Instant occurredAt) {
		return event(customerRef, "login", "null", occurredAt, "{}");
	}

	public static String featureUsed(String customerRef, String feature, Instant occurredAt) {
		return event(customerRef, "feature_used", "\"" + feature + "\"", occurredAt, "{\"plan\":\"pro\"}");
	}

	public static String event(String customerRef, String type, String nameJson, Instant occurredAt, String propertiesJson) {
		return """
				{"eventId":"%s","customerRef":"%s","type":"%s","name":%s,"occurredAt":"%s","properties":%s}"""
			.formatted("e-" + UUID.randomUUID(), customerRef, type, nameJson, occurredAt, propertiesJson);
	}

	public static String batch(String... events) {
		return "[" + String.join(",", events) + "]";
	}

}
