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

	/**
	 * How many whole weeks before this one a subscription that started on {@code since} covers, at most
	 * {@code most} and at most the weeks held: the trailing weeks "this week" is compared with.
	 */
	public int trailingWeeks(LocalDate since, int most) {
		long covered = java.time.temporal.ChronoUnit.DAYS.between(since, weekStart(0)) / 7;
		return (int) Math.max(0, Math.min(Math.min(most, weeks() - 1), covered));
	}

	/** Average active days of weeks 1 to {@code trailingWeeks}; 0 for none. */
	public double averageActiveDays(int trailingWeeks) {
		return java.util.stream.IntStream.rangeClosed(1, trailingWeeks).map(week -> activeDays[week]).average().orElse(0);
	}

	/** Average events of weeks 1 to {@code trailingWeeks}; 0 for none. */
	public double averageEvents(int trailingWeeks) {
		return java.util.stream.IntStream.rangeClosed(1, trailingWeeks).mapToLong(week -> events[week]).average().orElse(0);
	}

	/** Week {@code week}'s first day. */
	public LocalDate weekStart(int week) {
		return until.minusDays(7L * week + 6);
	}

}
