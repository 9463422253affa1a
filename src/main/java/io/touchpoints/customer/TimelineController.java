package io.touchpoints.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.Groups;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.system.QueryParameters;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineEntry;

/** A customer's timeline: every touchpoint, newest first, a page at a time, optionally within a period. */
@RestController
@AllowedGroups({ Groups.INTEGRATION, Groups.CSM, Groups.SUPPORT, Groups.CSM_LEADS, Groups.SUPPORT_LEADS, Groups.CX_OPS })
class TimelineController {

	private static final int MAX_PAGE_SIZE = 200;

	private static final String MOMENT = "a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)";

	private final CustomerRegistry customers;

	private final Timeline timeline;

	TimelineController(CustomerRegistry customers, Timeline timeline) {
		this.customers = customers;
		this.timeline = timeline;
	}

	/** One page; {@code total} counts every entry in the period, so interactions per period are one call away. */
	record TimelinePage(String customerRef, Instant from, Instant to, int page, int size, long total,
			List<TimelineEntry> entries) {
	}

	@GetMapping("/api/customers/{externalRef}/timeline")
	TimelinePage timeline(@PathVariable @ExternalId String externalRef, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<FieldProblem> problems = new ArrayList<>();
		if (page < 0) {
			problems.add(new FieldProblem("page", "must be 0 or more"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
		}
		Instant start = QueryParameters.parse("from", from, null, TimelineController::instant, MOMENT, problems);
		Instant end = QueryParameters.parse("to", to, null, TimelineController::instant, MOMENT, problems);
		if (start != null && end != null && !end.isAfter(start)) {
			problems.add(new FieldProblem("to", "must be after from"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		Customer customer = customers.require(externalRef, "externalRef");
		return new TimelinePage(externalRef, start, end, page, size, timeline.count(customer.getId(), start, end),
				timeline.page(customer.getId(), start, end, page, size));
	}

	/** An instant ({@code 2026-11-23T10:00:00Z}) or a date, meaning its start in UTC. */
	private static Instant instant(String value) {
		return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
