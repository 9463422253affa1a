package io.touchpoints.onboarding;

import java.util.Map;

/**
 * How one monthly purchase cohort is onboarding. Days are decimal days from the purchase; averages and the
 * median are over the cohort's completed onboardings, milestone averages over those that reached the milestone;
 * null where there is nothing to average.
 */
record CohortMetrics(String cohort, int started, int completed, int cancelled, int open, Double averageDaysToOnboard,
		Double medianDaysToOnboard, Map<String, Double> averageDaysToMilestone,
		Double averageInteractionsDuringOnboarding) {
}
