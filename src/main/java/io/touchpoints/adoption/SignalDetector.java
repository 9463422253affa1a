package io.touchpoints.adoption;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.touchpoints.customer.ActiveCustomers.ActiveCustomer;
import io.touchpoints.usage.WeeklyActivity;

/**
 * Finds a customer's adoption signals from their weekly activity and the thresholds of their stage and tier.
 * "This week" is the last 7 days up to the evaluation day; the trailing average is over the weeks before it that
 * the customer's subscription covers, at most the 30 the activity holds.
 */
final class SignalDetector {

	static final int TRAILING_WEEKS = 30;

	private SignalDetector() {
	}

	static List<Finding> find(ActiveCustomer customer, WeeklyActivity activity, SignalThresholds limits,
			List<Feature> features, LocalDate today) {
		List<Finding> findings = new ArrayList<>();
		long day = ChronoUnit.DAYS.between(customer.since(), today);
		inactive(customer, activity, limits, today, day, findings);
		usageFalling(customer, activity, limits, today, findings);
		stickyUnused(customer, activity, limits, features, day, findings);
		return findings;
	}

	private static void inactive(ActiveCustomer customer, WeeklyActivity activity, SignalThresholds limits,
			LocalDate today, long day, List<Finding> findings) {
		LocalDate since = activity.lastLogin() == null || activity.lastLogin().isBefore(customer.since()) ? customer.since()
				: activity.lastLogin();
		long quietDays = ChronoUnit.DAYS.between(since, today);
		if (day >= limits.inactiveAfterDay() && quietDays >= limits.inactiveDays()) {
			String last = activity.lastLogin() == null ? "has not logged in since the subscription started on "
					+ customer.since() : "last logged in on " + activity.lastLogin();
			findings.add(new Finding(AdoptionSignal.INACTIVE,
					"Inactive: " + customer.name() + " has not logged in for " + quietDays + " days",
					customer.name() + " " + last + " (" + quietDays + " days ago; the signal fires after "
							+ limits.inactiveDays() + "). Reach out before they give up on the product.",
					"No login for " + quietDays + " days (threshold " + limits.inactiveDays() + ", from day "
							+ limits.inactiveAfterDay() + " of the subscription); subscription day " + day + ".\n"
							+ series(activity)));
		}
	}

	private static void usageFalling(ActiveCustomer customer, WeeklyActivity activity, SignalThresholds limits,
			LocalDate today, List<Finding> findings) {
		int history = activity.trailingWeeks(customer.since(), TRAILING_WEEKS);
		if (history < limits.fallingMinWeeks()) {
			return;
		}
		double averageDays = activity.averageActiveDays(history);
		double averageEvents = activity.averageEvents(history);
		int thisWeekDays = activity.activeDays()[0];
		long thisWeekEvents = activity.events()[0];
		boolean daysFell = averageDays > 0 && thisWeekDays < limits.fallingBelow() * averageDays;
		boolean eventsFell = averageEvents > 0 && thisWeekEvents < limits.fallingBelow() * averageEvents;
		if (daysFell || eventsFell) {
			String share = percent(limits.fallingBelow());
			findings.add(new Finding(AdoptionSignal.USAGE_FALLING,
					"Usage falling: " + customer.name() + " used the product less than " + share + " of their usual week",
					customer.name() + " was active on " + thisWeekDays + " days with " + thisWeekEvents
							+ " events in the last 7 days, against a weekly average of " + decimal(averageDays) + " days and "
							+ decimal(averageEvents) + " events over the " + history + " weeks before. Find out what changed.",
					"This week: " + thisWeekDays + " active days, " + thisWeekEvents + " events. Trailing " + history
							+ "-week average: " + decimal(averageDays) + " active days, " + decimal(averageEvents)
							+ " events. Signal below " + share + " of the average.\n" + series(activity)));
		}
	}

	private static void stickyUnused(ActiveCustomer customer, WeeklyActivity activity, SignalThresholds limits,
			List<Feature> features, long day, List<Finding> findings) {
		List<String> sticky = features.stream().filter(Feature::sticky).map(Feature::name).toList();
		List<String> used = sticky.stream().filter(activity.featuresEverUsed()::contains).toList();
		int required = Math.min(limits.stickyRequired(), sticky.size());
		if (day >= limits.stickyByDay() && used.size() < required) {
			List<String> unused = sticky.stream().filter(feature -> !used.contains(feature)).toList();
			findings.add(new Finding(AdoptionSignal.STICKY_FEATURES_UNUSED,
					"Sticky features unused: " + customer.name() + " uses none of " + String.join(", ", unused),
					"On day " + day + " of their subscription " + customer.name() + " uses " + used.size() + " of the "
							+ sticky.size() + " features that make the product part of daily work (" + required
							+ " expected by day " + limits.stickyByDay() + "). Show them " + unused.get(0) + " first.",
					"Sticky features used: " + (used.isEmpty() ? "none" : String.join(", ", used)) + ". Unused: "
							+ String.join(", ", unused) + ". Features used so far: "
							+ (activity.featuresEverUsed().isEmpty() ? "none" : activity.featuresEverUsed().stream().sorted()
								.collect(Collectors.joining(", "))) + ".\n" + series(activity)));
		}
	}

	/** The weekly series, oldest week first, as the task's evidence shows it. */
	static String series(WeeklyActivity activity) {
		StringBuilder text = new StringBuilder("Week starting | active days | logins | events | features\n");
		for (int week = activity.weeks() - 1; week >= 0; week--) {
			text.append(activity.weekStart(week)).append(" | ").append(activity.activeDays()[week]).append(" | ")
				.append(activity.logins()[week]).append(" | ").append(activity.events()[week]).append(" | ")
				.append(activity.featuresUsed()[week]).append(week == 0 ? " (this week)" : "").append('\n');
		}
		return text.toString();
	}

	private static String decimal(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

}
