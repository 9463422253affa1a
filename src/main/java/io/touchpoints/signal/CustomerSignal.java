package io.touchpoints.signal;

import java.time.Instant;

/**
 * Something a customer did that a journey may wait for, as the usage capability reports it: its type and name
 * ({@code milestone}, {@code data-migrated}), when it happened, and the event that said so.
 */
public record CustomerSignal(long customerId, String type, String name, Instant occurredAt, String eventId) {

	public static final String MILESTONE = "milestone";

}
