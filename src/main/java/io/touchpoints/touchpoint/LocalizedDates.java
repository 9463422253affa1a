package io.touchpoints.touchpoint;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as a customer reads them in their language. Java's French formats write the first of the month as
 * "1 décembre"; French writes "1er décembre".
 */
public final class LocalizedDates {

	private LocalizedDates() {
	}

	/** "December 1, 2026", "1 de diciembre de 2026", "1er décembre 2026". */
	public static String longDate(LocalDate date, Locale language) {
		return firstOfMonth(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(date), date,
				language);
	}

	/** "Tuesday, December 1, 2026", "martes, 1 de diciembre de 2026", "mardi 1er décembre 2026". */
	public static String full(LocalDate date, Locale language) {
		return firstOfMonth(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language).format(date), date,
				language);
	}

	private static String firstOfMonth(String formatted, LocalDate date, Locale language) {
		if (date.getDayOfMonth() != 1 || !"fr".equals(language.getLanguage())) {
			return formatted;
		}
		return formatted.replaceFirst("(^|\\s)1(\\s)", "$11er$2");
	}

}
