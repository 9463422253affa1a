package io.touchpoints.helpdesk;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.Groups;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.system.MonthRange;

/** The support figures per month or week, against the targets of support-targets.dmn. */
@RestController
@AllowedGroups({ Groups.CX_OPS, Groups.INTEGRATION })
class SupportMetricsController {

	private final SupportMetrics metrics;

	private final Clock clock;

	SupportMetricsController(SupportMetrics metrics, Clock clock) {
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The periods from {@code from} to {@code to}, both months included, by month or by week. */
	record SupportReport(String from, String to, String by, List<SupportFigures> periods) {
	}

	@GetMapping("/api/metrics/support")
	SupportReport support(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by) {
		List<FieldProblem> problems = new ArrayList<>();
		MonthRange months = MonthRange.parse(from, to, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), 3, problems);
		SupportMetrics.By period = null;
		if (by == null || by.isBlank()) {
			period = SupportMetrics.By.MONTH;
		}
		else if (by.equals("month") || by.equals("week")) {
			period = SupportMetrics.By.valueOf(by.toUpperCase(Locale.ROOT));
		}
		else {
			problems.add(new FieldProblem("by", "must be month or week"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new SupportReport(months.first().toString(), months.last().toString(), period.name().toLowerCase(Locale.ROOT),
				metrics.figures(months.first(), months.last(), period));
	}

}
