package io.touchpoints.touchpoint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The part of a customer's day in which we may email them (08:00 to 20:00 by default), in their own time
 * zone. A window whose end is before its start runs over midnight.
 */
record SendWindow(LocalTime start, LocalTime end) {

	boolean contains(LocalTime time) {
		return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
				: !time.isBefore(start) || time.isBefore(end);
	}

	/** {@code at} itself when it is inside the window, otherwise the window's next opening. */
	Instant nextAllowed(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		if (contains(local.toLocalTime())) {
			return at;
		}
		LocalDate day = local.toLocalDate();
		boolean opensLaterToday = !start.isBefore(end) || local.toLocalTime().isBefore(start);
		return (opensLaterToday ? day : day.plusDays(1)).atTime(start).atZone(zone).toInstant();
	}

}
