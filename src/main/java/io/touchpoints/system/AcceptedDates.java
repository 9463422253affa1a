package io.touchpoints.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The one range of dates the service accepts, in request bodies and query parameters alike: the years 1970 to
 * 2199, instants counted in UTC. No customer history predates the Unix epoch and no contract runs into the 23rd
 * century, while every layer a date passes through (Java, H2, PostgreSQL, JavaScript, iCalendar, epoch
 * milliseconds) represents the whole range exactly. Out-of-range years are typos or probes, and Java's own limits
 * (year ±999,999,999) overflow the databases.
 */
public final class AcceptedDates {

	public static final int FIRST_YEAR = 1970;

	public static final int LAST_YEAR = 2199;

	/** What a refused date is told, after its value. */
	public static final String RANGE = "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR;

	private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final Instant END_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final Set<Class<?>> CHECKED = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
			LocalDate.class, LocalDateTime.class, YearMonth.class);

	private AcceptedDates() {
	}

	/** Whether values of this type are dates this class checks. */
	public static boolean checks(Class<?> type) {
		return CHECKED.contains(type);
	}

	/**
	 * Null when {@code value} lies in the range (or is no date this class checks), else what is wrong with it:
	 * "must lie in the years 1970 to 2199", and "(UTC)" for instants.
	 */
	public static String problem(Object value) {
		if (value instanceof Instant instant) {
			return instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT) ? RANGE + " (UTC)" : null;
		}
		if (value instanceof OffsetDateTime dateTime) {
			return problem(dateTime.toInstant());
		}
		if (value instanceof ZonedDateTime dateTime) {
			return problem(dateTime.toInstant());
		}
		int year = value instanceof LocalDate date ? date.getYear()
				: value instanceof LocalDateTime dateTime ? dateTime.getYear()
						: value instanceof YearMonth month ? month.getYear() : FIRST_YEAR;
		return year < FIRST_YEAR || year > LAST_YEAR ? RANGE : null;
	}

}
