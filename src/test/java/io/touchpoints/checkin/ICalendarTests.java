package io.touchpoints.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Calendar invitations as RFC 5545 and iTIP want them, and as calendar clients read them. */
class ICalendarTests {

	private static final Instant STAMP = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void invitationCarriesTheEventInTheCustomersZone() {
		String ics = unfolded(ICalendar.invitation(event("Europe/Madrid", 0, false)));

		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
			.contains("METHOD:REQUEST\r\n", "UID:check-in-1@touchpoints.local\r\n", "SEQUENCE:0\r\n",
					"DTSTAMP:20261123T100000Z\r\n", "DTSTART;TZID=Europe/Madrid:20261125T090000\r\n",
					"DTEND;TZID=Europe/Madrid:20261125T093000\r\n", "STATUS:CONFIRMED\r\n",
					"ATTENDEE;CN=\"Ana García\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ana@example.com");
	}

	@Test
	void timeZoneDefinitionCoversTheEventWithTheZonesRealOffsets() {
		String ics = ICalendar.invitation(event("Europe/Madrid", 0, false));

		String timeZone = ics.substring(ics.indexOf("BEGIN:VTIMEZONE"), ics.indexOf("END:VTIMEZONE"));
		assertThat(timeZone).contains("TZID:Europe/Madrid",
				// Winter time in force at the event since 25 October 2026, summer time from 28 March 2027.
				"BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD",
				"BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT");
	}

	@Test
	void zoneWithoutDaylightSavingGetsOneFixedObservance() {
		String ics = ICalendar.invitation(event("Asia/Tokyo", 0, false));

		String timeZone = ics.substring(ics.indexOf("BEGIN:VTIMEZONE"), ics.indexOf("END:VTIMEZONE"));
		assertThat(timeZone).contains("TZOFFSETTO:+0900").doesNotContain("DAYLIGHT");
	}

	@Test
	void cancellationIsTheSameEventWithAHigherSequence() {
		String ics = ICalendar.invitation(event("Europe/Madrid", 2, true));

		assertThat(ics).contains("METHOD:CANCEL\r\n", "UID:check-in-1@touchpoints.local\r\n", "SEQUENCE:2\r\n",
				"STATUS:CANCELLED\r\n");
	}

	@Test
	void textIsEscapedAndLongLinesFoldWithoutSplittingCharacters() {
		CalendarEvent event = new CalendarEvent("check-in-1@touchpoints.local", 0, false,
				LocalDateTime.parse("2026-11-25T09:00").atZone(ZoneId.of("Europe/Madrid")), Duration.ofMinutes(30),
				"Migración, datos; y más\nBEGIN:VEVENT", "ñ".repeat(80), "Touchpoints", "no-reply@touchpoints.local",
				"Ana \"García\"\r\nX", "ana@example.com", STAMP);

		String ics = ICalendar.invitation(event);

		assertThat(ics).contains("SUMMARY:Migración\\, datos\\; y más\\nBEGIN:VEVENT").contains("CN=\"Ana GarcíaX\"");
		assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(75));
		assertThat(unfolded(ics)).contains("DESCRIPTION:" + "ñ".repeat(80) + "\r\n");
		assertThat(Arrays.stream(unfolded(ics).split("\r\n")).filter(line -> line.equals("BEGIN:VEVENT"))).hasSize(1);
	}

	private static String unfolded(String ics) {
		return ics.replace("\r\n ", "");
	}

	private static CalendarEvent event(String zone, int sequence, boolean cancelled) {
		return new CalendarEvent("check-in-1@touchpoints.local", sequence, cancelled,
				LocalDateTime.parse("2026-11-25T09:00").atZone(ZoneId.of(zone)), Duration.ofMinutes(30), "Your first week",
				"Check-in with your customer success manager", "Touchpoints", "no-reply@touchpoints.local", "Ana García",
				"ana@example.com", STAMP);
	}

}
