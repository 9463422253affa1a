package io.touchpoints.customer;

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

/** Renewal, churn and revenue retention per month or quarter, for CX operations and reporting systems. */
@RestController
@AllowedGroups({ Groups.CX_OPS, Groups.INTEGRATION })
class RetentionController {

	static final String METHOD = "From the subscription ledger, by effective date (UTC days); cohort: customers "
			+ "active at the period's start. logoChurn = churned / customersAtStart; grossRevenueRetention = (arrAtStart "
			+ "- arrChurned - arrContracted) / arrAtStart; netRevenueRetention = (arrAtStart + arrExpanded - arrChurned "
			+ "- arrContracted) / arrAtStart; renewalRate = arrRenewed (capped at what was due) / arrDue (renewal dates in "
			+ "the period); winbackRate = customersWonBack / customersLapsedAtStart; customerLifetimeValue = average ARR "
			+ "per active customer at the end / (1 - (1 - six-month logo churn)^2). See docs/retention.md.";

	private final RetentionMetrics metrics;

	private final Clock clock;

	RetentionController(RetentionMetrics metrics, Clock clock) {
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The figures of the periods from {@code from} to {@code to}. */
	record RetentionReport(String from, String to, String by, String method, List<RetentionFigures> periods) {
	}

	@GetMapping("/api/metrics/retention")
	RetentionReport retention(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by) {
		List<FieldProblem> problems = new ArrayList<>();
		MonthRange months = MonthRange.parse(from, to, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), 12, problems);
		RetentionMetrics.By periods = RetentionMetrics.By.of(by);
		if (periods == null) {
			problems.add(new FieldProblem("by", "must be month or quarter"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new RetentionReport(months.first().toString(), months.last().toString(),
				periods.name().toLowerCase(java.util.Locale.ROOT), METHOD, metrics.of(months.first(), months.last(), periods));
	}

}
