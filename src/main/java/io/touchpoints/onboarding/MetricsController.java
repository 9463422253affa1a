package io.touchpoints.onboarding;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.Groups;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.system.QueryParameters;

/** Onboarding figures per monthly cohort, for CX operations and reporting systems. */
@RestController
@AllowedGroups({ Groups.CX_OPS, Groups.INTEGRATION })
class MetricsController {

	private static final int MAX_MONTHS = 36;

	private static final String MONTH = "a month like 2026-01";

	private final OnboardingMetrics metrics;

	private final Clock clock;

	MetricsController(OnboardingMetrics metrics, Clock clock) {
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The cohorts from {@code from} to {@code to}, both months included. */
	record OnboardingReport(String from, String to, List<CohortMetrics> cohorts) {
	}

	@GetMapping("/api/metrics/onboarding")
	OnboardingReport onboarding(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth thisMonth = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
		YearMonth last = QueryParameters.parse("to", to, thisMonth, YearMonth::parse, MONTH, problems);
		YearMonth first = QueryParameters.parse("from", from, last == null ? thisMonth.minusMonths(11) : last.minusMonths(11),
				YearMonth::parse, MONTH, problems);
		if (first != null && last != null && first.isAfter(last)) {
			problems.add(new FieldProblem("to", "must not be before from"));
		}
		if (first != null && last != null && first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
			problems.add(new FieldProblem("from", "the period may span at most " + MAX_MONTHS + " months"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new OnboardingReport(first.toString(), last.toString(), metrics.cohorts(first, last));
	}

}
