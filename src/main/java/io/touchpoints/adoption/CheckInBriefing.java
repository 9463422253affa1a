package io.touchpoints.adoption;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.task.TaskBriefing;
import io.touchpoints.task.TaskTypes;

/**
 * Puts the customer's adoption summary on the CSM's check-in task, in words the form shows: how this week compares
 * with their usual week, which features they use, which signals are open, and the last weeks one by one.
 */
@Component
class CheckInBriefing implements TaskBriefing {

	static final int WEEKS_SHOWN = 12;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final AdoptionSummaries summaries;

	CheckInBriefing(AdoptionSummaries summaries) {
		this.summaries = summaries;
	}

	@Override
	public Map<String, Object> briefFor(String taskType, Customer customer) {
		if (!TaskTypes.CHECK_IN.equals(taskType)) {
			return Map.of();
		}
		AdoptionSummary summary = summaries.of(customer);
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("adoptionAsOf", DAY.format(summary.until()) + " (UTC), the last 7 days counting as this week");
		variables.put("adoptionThisWeek", thisWeek(summary.trend()));
		variables.put("adoptionFeatures", features(summary.breadth()));
		variables.put("adoptionSignals", signals(summary.openSignals()));
		variables.put("adoptionWeeks", weeks(summary.weeks()));
		return variables;
	}

	private static String thisWeek(AdoptionSummary.Trend trend) {
		String week = days(trend.activeDaysThisWeek()) + " active, " + trend.eventsThisWeek() + " events";
		if (trend.trailingWeeks() == 0) {
			return week + "; no earlier week of their subscription to compare with yet";
		}
		return week + "; their usual week (average of " + trend.trailingWeeks() + (trend.trailingWeeks() == 1 ? " week" : " weeks")
				+ " before): " + trend.averageActiveDays() + " active days, " + trend.averageEvents() + " events";
	}

	private static String features(AdoptionSummary.Breadth breadth) {
		String used = breadth.featuresUsed() + " of " + breadth.featuresInCatalogue() + " features used";
		String sticky = breadth.stickyUnused().isEmpty() ? "every sticky feature in use"
				: "sticky features not used yet: " + String.join(", ", breadth.stickyUnused());
		return used + "; " + sticky;
	}

	private static String signals(List<AdoptionSummary.OpenSignal> open) {
		if (open.isEmpty()) {
			return "none open";
		}
		return open.stream()
			.map(signal -> signal.signal() + " (raised " + DAY.format(signal.raisedOn()) + ")")
			.collect(Collectors.joining(", "));
	}

	private static String weeks(List<AdoptionSummary.Week> weeks) {
		return weeks.subList(Math.max(0, weeks.size() - WEEKS_SHOWN), weeks.size())
			.stream()
			.map(week -> "Week of " + DAY.format(week.start()) + ": " + days(week.activeDays()) + ", " + week.events() + " events"
					+ (week.featuresUsed() > 0 ? ", " + week.featuresUsed() + (week.featuresUsed() == 1 ? " feature" : " features") : ""))
			.collect(Collectors.joining("\n"));
	}

	private static String days(int days) {
		return days + (days == 1 ? " day" : " days");
	}

}
