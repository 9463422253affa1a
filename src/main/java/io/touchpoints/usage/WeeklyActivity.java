package io.touchpoints.usage;

import java.time.LocalDate;
import java.util.Set;

/**
 * A customer's activity in weeks counted back from a day: week 0 is the last 7 days up to and including that day,
 * week 1 the 7 days before, and so on. Per week: days with any usage, logins, events of every kind, and the
 * distinct features used. {@code lastLogin} is the latest login day within those weeks (null: none).
 */
public record WeeklyActivity(long customerId, LocalDate until, int[] activeDays, long[] logins, long[] events,
		int[] featuresUsed, LocalDate lastLogin, Set<String> featuresEverUsed) {

	/** A customer without any usage in those weeks. */
	public static WeeklyActivity none(long customerId, LocalDate until, int weeks) {
		return new WeeklyActivity(customerId, until, new int[weeks], new long[weeks], new long[weeks], new int[weeks], null,
				Set.of());
	}

	public int weeks() {
		return activeDays.length;
	}

	/** Week {@code week}'s first day. */
	public LocalDate weekStart(int week) {
		return until.minusDays(7L * week + 6);
	}

}
