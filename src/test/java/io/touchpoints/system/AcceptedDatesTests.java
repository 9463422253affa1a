package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** The one range of dates the service accepts: the years 1970 to 2199, instants in UTC. */
class AcceptedDatesTests {

	@Test
	void acceptsTheFirstAndLastDayOfTheRange() {
		assertThat(AcceptedDates.problem(LocalDate.parse("1970-01-01"))).isNull();
		assertThat(AcceptedDates.problem(LocalDate.parse("2199-12-31"))).isNull();
		assertThat(AcceptedDates.problem(Instant.parse("1970-01-01T00:00:00Z"))).isNull();
		assertThat(AcceptedDates.problem(Instant.parse("2199-12-31T23:59:59.999999999Z"))).isNull();
		assertThat(AcceptedDates.problem(YearMonth.parse("2199-12"))).isNull();
		assertThat(AcceptedDates.problem(LocalDateTime.parse("1970-01-01T00:00"))).isNull();
	}

	@Test
	void refusesDaysJustOutsideAndJavasExtremes() {
		assertThat(AcceptedDates.problem(LocalDate.parse("1969-12-31"))).isEqualTo("must lie in the years 1970 to 2199");
		assertThat(AcceptedDates.problem(LocalDate.parse("2200-01-01"))).isEqualTo("must lie in the years 1970 to 2199");
		assertThat(AcceptedDates.problem(LocalDate.MAX)).isNotNull();
		assertThat(AcceptedDates.problem(Instant.parse("-999999999-01-01T00:00:00Z")))
			.isEqualTo("must lie in the years 1970 to 2199 (UTC)");
		assertThat(AcceptedDates.problem(YearMonth.parse("1969-12"))).isNotNull();
	}

	@Test
	void comparesInstantsInUtc() {
		assertThat(AcceptedDates.problem(OffsetDateTime.parse("1970-01-01T00:30:00+01:00"))).isNotNull();
		assertThat(AcceptedDates.problem(OffsetDateTime.parse("2199-12-31T23:30:00-01:00"))).isNotNull();
		assertThat(AcceptedDates.problem(OffsetDateTime.parse("1970-01-01T00:30:00-01:00"))).isNull();
	}

	@Test
	void ignoresWhatIsNoDate() {
		assertThat(AcceptedDates.problem(42)).isNull();
		assertThat(AcceptedDates.problem(null)).isNull();
	}

}
