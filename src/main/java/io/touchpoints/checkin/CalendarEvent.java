package io.touchpoints.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A calendar event as an invitation carries it. {@code uid} is stable for the event's whole life; each change
 * raises {@code sequence}, and a cancellation is sent with {@code cancelled}.
 */
record CalendarEvent(String uid, int sequence, boolean cancelled, ZonedDateTime start, Duration duration,
		String summary, String description, String organizerName, String organizerEmail, String attendeeName,
		String attendeeEmail, Instant stamp) {
}
