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
import io.touchpoints.system.MonthRange;

/** Onboarding figures per monthly cohort, for CX operations and reporting systems. */
@RestController
@AllowedGroups({ Groups.CX_OPS, Groups.INTEGRATION })
class MetricsController {

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
		MonthRange months = MonthRange.parse(from, to, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), 12, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new OnboardingReport(months.first().toString(), months.last().toString(),
				metrics.cohorts(months.first(), months.last()));
	}

}
