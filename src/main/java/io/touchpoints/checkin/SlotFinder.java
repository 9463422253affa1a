package io.touchpoints.checkin;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;


/**
 * Picks when a check-in takes place: a given number of business days after an anchor date, at the first time
 * inside the customer's working hours (in their zone) that is far enough ahead and clashes with none of their
 * other check-ins.
 */
record SlotFinder(LocalTime workdayStart, LocalTime workdayEnd, Set<DayOfWeek> workdays) {

	static final Duration STEP = Duration.ofMinutes(30);

	private static final int DAYS_TO_SEARCH = 60;

	/** An existing check-in the new one must not overlap. */
	record Busy(Instant start, Instant end) {
	}

	static SlotFinder of(CheckInSettings settings) {
		return new SlotFinder(settings.workdayStart(), settings.workdayEnd(), settings.workdays());
	}

	/** Whether a check-in from {@code start} for {@code duration} lies within one working day, in the start's zone. */
	boolean isWorkingTime(ZonedDateTime start, Duration duration) {
		ZonedDateTime end = start.plus(duration);
		return workdays.contains(start.getDayOfWeek()) && end.toLocalDate().equals(start.toLocalDate())
				&& !start.toLocalTime().isBefore(workdayStart) && !end.toLocalTime().isAfter(workdayEnd);
	}

	/** The working hours in words, for messages: "MONDAY–FRIDAY 09:00–17:00". */
	String describe() {
		String days = workdays.stream().sorted().map(DayOfWeek::toString).collect(Collectors.joining(", "));
		return days + " " + workdayStart + "–" + workdayEnd;
	}

	LocalDate businessDaysAfter(LocalDate anchor, int businessDays) {
		LocalDate day = anchor;
		int added = 0;
		while (added < businessDays) {
			day = day.plusDays(1);
			if (workdays.contains(day.getDayOfWeek())) {
				added++;
			}
		}
		return day;
	}

	ZonedDateTime firstFreeSlot(LocalDate from, ZoneId zone, Duration duration, Instant notBefore, List<Busy> busy) {
		if (duration.compareTo(Duration.between(workdayStart, workdayEnd)) > 0) {
			throw new IllegalArgumentException("A check-in of " + duration.toMinutes()
					+ " minutes does not fit in the working day " + workdayStart + "-" + workdayEnd);
		}
		LocalDate day = from;
		for (int searched = 0; searched < DAYS_TO_SEARCH; searched++, day = day.plusDays(1)) {
			if (!workdays.contains(day.getDayOfWeek())) {
				continue;
			}
			for (LocalTime time = workdayStart; !time.plus(duration).isAfter(workdayEnd)
					&& !time.plus(duration).isBefore(time); time = time.plus(STEP)) {
				ZonedDateTime start = day.atTime(time).atZone(zone);
				Instant end = start.toInstant().plus(duration);
				if (!start.toInstant().isBefore(notBefore) && busy.stream()
					.noneMatch(other -> start.toInstant().isBefore(other.end()) && other.start().isBefore(end))) {
					return start;
				}
			}
		}
		throw new IllegalStateException("No free check-in slot within " + DAYS_TO_SEARCH + " days from " + from);
	}

}
