package io.touchpoints.usage;

import java.time.Instant;

/** A usage event that passed validation; {@code index} is its position in the batch it came in. */
record UsageEvent(int index, String eventId, String customerRef, EventType type, String name, Instant occurredAt,
		String properties) {
}
