package io.touchpoints.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** "N days before the renewal date" on the customer's own calendar, at their local time. */
class RenewalCalendarTests {

	static final LocalTime NINE = LocalTime.of(9, 0);

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	@Test
	void ninetyDaysBeforeAtNineInTheMorningOfTheCustomersDay() {
		assertThat(RenewalCalendar.reminderAt(LocalDate.parse("2027-11-23"), 90, NINE, LOS_ANGELES))
			.as("25 August, summer time (UTC-7)").isEqualTo(Instant.parse("2027-08-25T16:00:00Z"));
	}

	@Test
	void calendarDaysReachTheTwentyNinthOfFebruaryAndMonthEnds() {
		ZoneId madrid = ZoneId.of("Europe/Madrid");
		assertThat(RenewalCalendar.reminderAt(LocalDate.parse("2028-03-30"), 30, NINE, madrid))
			.isEqualTo(Instant.parse("2028-02-29T08:00:00Z"));
		assertThat(RenewalCalendar.reminderAt(LocalDate.parse("2027-05-31"), 90, NINE, madrid))
			.as("31 May less 90 days: 2 March").isEqualTo(Instant.parse("2027-03-02T08:00:00Z"));
	}

	@Test
	void nineStaysNineOnEitherSideOfAChangeOfClocks() {
		// United States summer time began on Sunday 14 March 2027.
		assertThat(RenewalCalendar.reminderAt(LocalDate.parse("2027-04-12"), 30, NINE, LOS_ANGELES))
			.as("13 March, winter time (UTC-8)").isEqualTo(Instant.parse("2027-03-13T17:00:00Z"));
		assertThat(RenewalCalendar.reminderAt(LocalDate.parse("2027-04-14"), 30, NINE, LOS_ANGELES))
			.as("15 March, summer time (UTC-7)").isEqualTo(Instant.parse("2027-03-15T16:00:00Z"));
	}

	@Test
	void aCustomerAheadOfUtcGetsItOnTheirDayWhichIsTheDayBeforeInUtc() {
		assertThat(RenewalCalendar.reminderAt(LocalDate.parse("2027-11-23"), 30, NINE, ZoneId.of("Pacific/Auckland")))
			.as("24 October 09:00 in Auckland (UTC+13)").isEqualTo(Instant.parse("2027-10-23T20:00:00Z"));
	}

	@Test
	void aLocalTimeTheClockSkipsMovesOnByTheGapAndNegativeDaysCountAfter() {
		assertThat(RenewalCalendar.reminderAt(LocalDate.parse("2027-04-27"), 30, LocalTime.of(2, 30),
				ZoneId.of("Europe/Madrid")))
			.as("02:30 does not exist on 28 March 2027 in Madrid: 03:30 summer time").isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
		assertThat(RenewalCalendar.reminderAt(LocalDate.parse("2027-11-23"), -1, NINE, LOS_ANGELES))
			.as("the day after, winter time again").isEqualTo(Instant.parse("2027-11-24T17:00:00Z"));
	}

}
