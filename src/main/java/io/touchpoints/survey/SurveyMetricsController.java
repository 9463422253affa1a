package io.touchpoints.survey;

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

/** NPS per lifecycle stage and overall, with its interval and each stage's band; the satisfaction surveys. */
@RestController
@AllowedGroups({ Groups.CX_OPS, Groups.INTEGRATION })
class SurveyMetricsController {

	private final SurveyMetrics metrics;

	private final Clock clock;

	SurveyMetricsController(SurveyMetrics metrics, Clock clock) {
		this.metrics = metrics;
		this.clock = clock;
	}

	@GetMapping("/api/metrics/nps")
	SurveyMetrics.NpsReport nps(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by) {
		List<FieldProblem> problems = new ArrayList<>();
		MonthRange months = MonthRange.parse(from, to, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), 12, problems);
		if (by != null && !by.isBlank() && !by.equals("month")) {
			problems.add(new FieldProblem("by", "must be month"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return metrics.report(months.first(), months.last());
	}

}
