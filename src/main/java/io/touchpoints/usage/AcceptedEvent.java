package io.touchpoints.usage;

import java.time.Instant;

/** A usage event as stored, for capabilities that keep figures of their own ({@link UsageEventSubscriber}). */
public record AcceptedEvent(long customerId, String eventId, String type, String name, Instant occurredAt,
		String propertiesJson) {

	public static final String TICKET = "ticket";

	public static final String LIVE_CONTACT = "live_contact";

}
