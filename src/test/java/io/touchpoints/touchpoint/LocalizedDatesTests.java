package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LocalizedDatesTests {

	private static final LocalDate FIRST = LocalDate.of(2026, 12, 1);

	@Test
	void frenchWritesTheFirstOfTheMonthAsPremier() {
		assertThat(LocalizedDates.longDate(FIRST, Locale.FRENCH)).isEqualTo("1er décembre 2026");
		assertThat(LocalizedDates.full(FIRST, Locale.FRENCH)).isEqualTo("mardi 1er décembre 2026");
		assertThat(LocalizedDates.longDate(LocalDate.of(2026, 12, 11), Locale.FRENCH)).isEqualTo("11 décembre 2026");
		assertThat(LocalizedDates.longDate(LocalDate.of(2026, 12, 21), Locale.FRENCH)).isEqualTo("21 décembre 2026");
	}

	@Test
	void otherLanguagesKeepTheirOwnForms() {
		assertThat(LocalizedDates.longDate(FIRST, Locale.ENGLISH)).isEqualTo("December 1, 2026");
		assertThat(LocalizedDates.longDate(FIRST, Locale.forLanguageTag("es"))).isEqualTo("1 de diciembre de 2026");
	}

}
