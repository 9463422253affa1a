package io.touchpoints.onboarding;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.timeline.TimelineKind;

/**
 * Onboarding figures per monthly purchase cohort (the UTC month the purchase arrived): how many started,
 * completed, were cancelled or are still open; days to onboard and to each milestone; and the interactions with
 * the customer during onboarding, counted from the timeline (emails sent, tasks completed for them, check-ins
 * scheduled).
 */
@Service
class OnboardingMetrics {

	static final List<String> INTERACTIONS = List.of(TimelineKind.EMAIL_SENT, TimelineKind.TASK_COMPLETED,
			TimelineKind.CHECK_IN_SCHEDULED);

	private static final double SECONDS_PER_DAY = 86_400.0;

	private final Onboardings onboardings;

	private final Milestones milestones;

	private final NamedParameterJdbcTemplate jdbc;

	OnboardingMetrics(Onboardings onboardings, Milestones milestones, NamedParameterJdbcTemplate jdbc) {
		this.onboardings = onboardings;
		this.milestones = milestones;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<CohortMetrics> cohorts(YearMonth from, YearMonth to) {
		List<Onboardings.Onboarding> started = onboardings.startedBetween(start(from), start(to.plusMonths(1)));
		Map<Long, Map<String, Instant>> reached = milestones.reachedBy(started.stream().map(Onboardings.Onboarding::id).toList());
		Map<Long, Long> interactions = interactionsDuringOnboarding(started);
		Map<YearMonth, List<Onboardings.Onboarding>> byCohort = started.stream()
			.collect(Collectors.groupingBy(onboarding -> YearMonth.from(onboarding.startedAt().atZone(ZoneOffset.UTC))));
		List<CohortMetrics> cohorts = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			cohorts.add(cohort(month, byCohort.getOrDefault(month, List.of()), reached, interactions));
		}
		return cohorts;
	}

	private static CohortMetrics cohort(YearMonth month, List<Onboardings.Onboarding> started,
			Map<Long, Map<String, Instant>> reached, Map<Long, Long> interactions) {
		List<Onboardings.Onboarding> completed = started.stream().filter(o -> o.completedAt() != null).toList();
		int cancelled = (int) started.stream().filter(o -> o.cancelledAt() != null).count();
		List<Double> daysToOnboard = completed.stream().map(o -> days(o.startedAt(), o.completedAt())).sorted().toList();
		Map<String, Double> daysToMilestone = new LinkedHashMap<>();
		for (String milestone : Milestones.ALL) {
			daysToMilestone.put(milestone, average(started.stream()
				.filter(o -> reached.getOrDefault(o.id(), Map.of()).containsKey(milestone))
				.map(o -> days(o.startedAt(), reached.get(o.id()).get(milestone)))
				.toList()));
		}
		return new CohortMetrics(month.toString(), started.size(), completed.size(), cancelled,
				started.size() - completed.size() - cancelled, average(daysToOnboard), median(daysToOnboard),
				daysToMilestone,
				average(completed.stream().map(o -> (double) interactions.getOrDefault(o.id(), 0L)).toList()));
	}

	private Map<Long, Long> interactionsDuringOnboarding(List<Onboardings.Onboarding> started) {
		List<Long> completed = started.stream().filter(o -> o.completedAt() != null).map(Onboardings.Onboarding::id).toList();
		Map<Long, Long> counts = new LinkedHashMap<>();
		if (completed.isEmpty()) {
			return counts;
		}
		jdbc.query("""
				select o.id, count(t.id) as interactions
				from onboarding o join timeline_entry t on t.customer_id = o.customer_id
				where o.id in (:ids) and t.kind in (:kinds) and t.occurred_at >= o.started_at and t.occurred_at <= o.completed_at
				group by o.id""", Map.of("ids", completed, "kinds", INTERACTIONS),
				rs -> {
					counts.put(rs.getLong("id"), rs.getLong("interactions"));
				});
		return counts;
	}

	private static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static double days(Instant from, Instant to) {
		return Duration.between(from, to).toSeconds() / SECONDS_PER_DAY;
	}

	private static Double average(List<Double> values) {
		return values.isEmpty() ? null
				: round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
	}

	private static Double median(List<Double> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		return round(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
