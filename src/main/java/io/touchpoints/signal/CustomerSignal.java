package io.touchpoints.signal;

import java.time.Instant;

/**
 * Something a customer did that a journey may react to, as the usage capability reports it: its type and name
 * ({@code milestone} {@code data-migrated}, {@code ticket} {@code resolved}), what it is about when that is not the
 * customer alone ({@code subject}: the ticket's id; null for a milestone), when it happened, and the event that
 * said so.
 */
public record CustomerSignal(long customerId, String type, String name, String subject, Instant occurredAt,
		String eventId) {

	public static final String MILESTONE = "milestone";

	public static final String TICKET = "ticket";

	public static final String RESOLVED = "resolved";

	public static CustomerSignal milestone(long customerId, String name, Instant occurredAt, String eventId) {
		return new CustomerSignal(customerId, MILESTONE, name, null, occurredAt, eventId);
	}

	public static CustomerSignal ticketResolved(long customerId, String ticketId, Instant occurredAt, String eventId) {
		return new CustomerSignal(customerId, TICKET, RESOLVED, ticketId, occurredAt, eventId);
	}

	public boolean is(String type, String name) {
		return this.type.equals(type) && this.name.equals(name);
	}

}
