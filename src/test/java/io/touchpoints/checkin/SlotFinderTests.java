package io.touchpoints.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Check-ins land on working days, inside working hours in the customer's zone, clear of their other check-ins. */
class SlotFinderTests {

	private static final SlotFinder SLOTS = new SlotFinder(LocalTime.of(9, 0), LocalTime.of(17, 0),
			EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final Duration HALF_HOUR = Duration.ofMinutes(30);

	@Test
	void businessDaysSkipTheWeekend() {
		LocalDate friday = LocalDate.parse("2026-11-27");

		assertThat(SLOTS.businessDaysAfter(friday, 1)).isEqualTo(LocalDate.parse("2026-11-30"));
		assertThat(SLOTS.businessDaysAfter(friday, 5)).isEqualTo(LocalDate.parse("2026-12-04"));
		assertThat(SLOTS.businessDaysAfter(friday, 0)).isEqualTo(friday);
	}

	@Test
	void takesTheFirstWorkingHourOfTheDayInTheCustomersZone() {
		ZonedDateTime slot = SLOTS.firstFreeSlot(LocalDate.parse("2026-11-25"), MADRID, HALF_HOUR, Instant.EPOCH, List.of());

		assertThat(slot).isEqualTo(ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, MADRID));
	}

	@Test
	void movesPastOtherCheckInsAndPastTheMinimumNotice() {
		ZonedDateTime nine = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, MADRID);
		List<SlotFinder.Busy> busy = List.of(new SlotFinder.Busy(nine.toInstant(), nine.plusMinutes(45).toInstant()));

		assertThat(SLOTS.firstFreeSlot(nine.toLocalDate(), MADRID, HALF_HOUR, Instant.EPOCH, busy))
			.isEqualTo(nine.plusMinutes(60));
		assertThat(SLOTS.firstFreeSlot(nine.toLocalDate(), MADRID, HALF_HOUR, nine.plusHours(7).plusMinutes(31).toInstant(),
				List.of()))
			.as("too late today: the next working day")
			.isEqualTo(nine.plusDays(1));
	}

	@Test
	void aWeekendStartMovesToMonday() {
		assertThat(SLOTS.firstFreeSlot(LocalDate.parse("2026-11-28"), MADRID, HALF_HOUR, Instant.EPOCH, List.of()))
			.isEqualTo(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, MADRID));
	}

}
