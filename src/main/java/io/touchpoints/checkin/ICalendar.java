package io.touchpoints.checkin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Writes RFC 5545 invitations (iTIP {@code REQUEST} or {@code CANCEL}) for one event, with a {@code VTIMEZONE}
 * built from the JVM's time-zone rules so calendars show the time the customer was promised, in their zone.
 */
final class ICalendar {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final int MAX_LINE_OCTETS = 75;

	private ICalendar() {
	}

	static String invitation(CalendarEvent event) {
		ZoneId zone = event.start().getZone();
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "PRODID:-//Touchpoints//Check-ins//EN");
		line(ics, "VERSION:2.0");
		line(ics, "CALSCALE:GREGORIAN");
		line(ics, "METHOD:" + method(event));
		timeZone(ics, zone, event.start().toInstant());
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:" + event.uid());
		line(ics, "SEQUENCE:" + event.sequence());
		line(ics, "DTSTAMP:" + UTC.format(event.stamp()));
		line(ics, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(event.start()));
		line(ics, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(event.start().plus(event.duration())));
		line(ics, "SUMMARY:" + text(event.summary()));
		line(ics, "DESCRIPTION:" + text(event.description()));
		line(ics, "ORGANIZER;CN=" + parameter(event.organizerName()) + ":mailto:" + event.organizerEmail());
		line(ics, "ATTENDEE;CN=" + parameter(event.attendeeName())
				+ ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + event.attendeeEmail());
		line(ics, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
		line(ics, "TRANSP:OPAQUE");
		line(ics, "END:VEVENT");
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	static String method(CalendarEvent event) {
		return event.cancelled() ? "CANCEL" : "REQUEST";
	}

	/**
	 * The zone's observances from the one in force at the event to a year after it; a zone without transitions
	 * gets a single fixed observance.
	 */
	private static void timeZone(StringBuilder ics, ZoneId zone, Instant at) {
		ZoneRules rules = zone.getRules();
		line(ics, "BEGIN:VTIMEZONE");
		line(ics, "TZID:" + zone.getId());
		ZoneOffsetTransition transition = rules.previousTransition(at.plusSeconds(1));
		if (transition == null) {
			ZoneOffset offset = rules.getOffset(at);
			observance(ics, "STANDARD", "19700101T000000", offset, offset);
		}
		Instant until = at.plusSeconds(366L * 24 * 3600);
		while (transition != null && !transition.getInstant().isAfter(until)) {
			observance(ics, rules.isDaylightSavings(transition.getInstant()) ? "DAYLIGHT" : "STANDARD",
					LOCAL.format(transition.getDateTimeBefore()), transition.getOffsetBefore(), transition.getOffsetAfter());
			transition = rules.nextTransition(transition.getInstant());
		}
		line(ics, "END:VTIMEZONE");
	}

	private static void observance(StringBuilder ics, String type, String start, ZoneOffset from, ZoneOffset to) {
		line(ics, "BEGIN:" + type);
		line(ics, "DTSTART:" + start);
		line(ics, "TZOFFSETFROM:" + offset(from));
		line(ics, "TZOFFSETTO:" + offset(to));
		line(ics, "END:" + type);
	}

	private static String offset(ZoneOffset offset) {
		int seconds = offset.getTotalSeconds();
		int minutes = Math.abs(seconds) / 60;
		return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
	}

	/** TEXT values escape backslashes, semicolons, commas and line breaks (RFC 5545, 3.3.11). */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
			.replace("\n", "\\n").replace("\r", "\\n");
	}

	/** Parameter values are quoted; they cannot contain quotes or control characters at all. */
	private static String parameter(String value) {
		return "\"" + value.replaceAll("[\"\\p{Cntrl}]", "") + "\"";
	}

	/** Content lines end in CRLF and fold at 75 octets without splitting a UTF-8 character (RFC 5545, 3.1). */
	private static void line(StringBuilder ics, String content) {
		int octets = 0;
		int limit = MAX_LINE_OCTETS;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				ics.append("\r\n ");
				octets = 0;
				limit = MAX_LINE_OCTETS - 1;
			}
			ics.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		ics.append("\r\n");
	}

}
