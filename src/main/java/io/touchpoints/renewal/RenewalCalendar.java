package io.touchpoints.renewal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * When a reminder "N days before the renewal date" falls: counted on the customer's own calendar, at a local time
 * of day. Calendar days, not 24-hour periods: 30 days before 30 March 2028 is 29 February, and 09:00 stays 09:00 on
 * either side of a change to or from summer time. A local time that a clock change skips is moved on by the gap.
 */
final class RenewalCalendar {

	private RenewalCalendar() {
	}

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A moment as the customer reads it: "2027-08-25 09:00 America/Los_Angeles". */
	static String local(Instant at, ZoneId zone) {
		return LOCAL.format(at.atZone(zone)) + " " + zone.getId();
	}

	/** {@code daysBefore} negative: that many days after the renewal date. */
	static Instant reminderAt(LocalDate renewalDate, int daysBefore, LocalTime localTime, ZoneId zone) {
		return renewalDate.minusDays(daysBefore).atTime(localTime).atZone(zone).toInstant();
	}

}
