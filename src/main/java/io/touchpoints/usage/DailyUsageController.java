package io.touchpoints.usage;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.Groups;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.system.NotFoundException;

/** A customer's usage per day, for trends (this week against the trailing 30 weeks) and for people looking. */
@RestController
@AllowedGroups({ Groups.INTEGRATION, Groups.CSM, Groups.SUPPORT, Groups.CX_OPS })
class DailyUsageController {

	private static final int MAX_DAYS = 400;

	private final CustomerRegistry customers;

	private final DailyUsage usage;

	private final Clock clock;

	DailyUsageController(CustomerRegistry customers, DailyUsage usage, Clock clock) {
		this.customers = customers;
		this.usage = usage;
		this.clock = clock;
	}

	/** The counts from {@code from} to {@code to}, both days included. */
	record UsageReport(String customerRef, LocalDate from, LocalDate to, List<DailyUsage.DailyCount> days) {
	}

	@GetMapping("/api/customers/{externalRef}/usage")
	UsageReport usage(@PathVariable String externalRef, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate last = day("to", to, today, problems);
		LocalDate first = day("from", from, last == null ? today.minusWeeks(31) : last.minusWeeks(31), problems);
		if (first != null && last != null && (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last))) {
			problems.add(new FieldProblem("from", "must be on or before to, and at most " + MAX_DAYS + " days before it"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		var customer = customers.find(externalRef)
			.orElseThrow(() -> new NotFoundException("externalRef", "No customer with externalRef '" + externalRef + "'"));
		return new UsageReport(externalRef, first, last, usage.of(customer.getId(), first, last));
	}

	private static LocalDate day(String field, String value, LocalDate fallback, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeException e) {
			problems.add(new FieldProblem(field, "'" + value + "' is not a date like 2026-11-01"));
			return null;
		}
	}

}
