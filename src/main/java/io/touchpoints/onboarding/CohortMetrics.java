package io.touchpoints.onboarding;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one monthly purchase cohort is onboarding. Days are decimal days from the purchase; averages and the
 * median are over the cohort's completed onboardings, milestone averages over those that reached the milestone;
 * null where there is nothing to average.
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
record CohortMetrics(String cohort, int started, int completed, int cancelled, int open, Double averageDaysToOnboard,
		Double medianDaysToOnboard,
		@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS) Map<String, Double> averageDaysToMilestone,
		Double averageInteractionsDuringOnboarding) {
}
