package io.touchpoints.adoption;

import java.time.LocalDate;
import java.util.List;

/** What a customer's adoption looks like: the weekly series, breadth, sticky features, trend and open signals. */
record AdoptionSummary(String customerRef, LocalDate until, List<Week> weeks, Breadth breadth, Trend trend,
		List<OpenSignal> openSignals) {

	/** One of the 30 weeks, oldest first; {@code start} is its first day. */
	record Week(LocalDate start, int activeDays, long logins, long events, int featuresUsed) {
	}

	/** Features used of those in the catalogue, and which sticky ones are used and not. */
	record Breadth(int featuresUsed, int featuresInCatalogue, double share, List<String> stickyUsed,
			List<String> stickyUnused) {
	}

	/** This week (the last 7 days) against the weekly average of the trailing weeks the subscription covers. */
	record Trend(int activeDaysThisWeek, double averageActiveDays, long eventsThisWeek, double averageEvents,
			int trailingWeeks) {
	}

	record OpenSignal(String signal, LocalDate raisedOn, String taskId) {
	}

}
