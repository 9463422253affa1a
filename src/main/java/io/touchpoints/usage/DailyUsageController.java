package io.touchpoints.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.ExternalId;
import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.Groups;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.system.QueryParameters;

/** A customer's usage per day, for trends (this week against the trailing 30 weeks) and for people looking. */
@RestController
@AllowedGroups({ Groups.INTEGRATION, Groups.CSM, Groups.SUPPORT, Groups.CSM_LEADS, Groups.SUPPORT_LEADS, Groups.CX_OPS })
class DailyUsageController {

	private static final int MAX_DAYS = 400;

	private static final String DAY = "a date like 2026-11-01";

	private final CustomerRegistry customers;

	private final DailyUsage usage;

	private final SeatsInUse seats;

	private final Clock clock;

	DailyUsageController(CustomerRegistry customers, DailyUsage usage, SeatsInUse seats, Clock clock) {
		this.customers = customers;
		this.usage = usage;
		this.seats = seats;
		this.clock = clock;
	}

	/** The counts from {@code from} to {@code to}, both days included, and the seats in use on the days reported. */
	record UsageReport(String customerRef, LocalDate from, LocalDate to, List<DailyUsage.DailyCount> days,
			List<SeatsInUse.DailySeats> seats) {
	}

	@GetMapping("/api/customers/{externalRef}/usage")
	UsageReport usage(@PathVariable @ExternalId String externalRef, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate last = QueryParameters.parse("to", to, today, LocalDate::parse, DAY, problems);
		LocalDate first = QueryParameters.parse("from", from, last == null ? today.minusWeeks(31) : last.minusWeeks(31),
				LocalDate::parse, DAY, problems);
		if (first != null && last != null && (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last))) {
			problems.add(new FieldProblem("from", "must be on or before to, and at most " + MAX_DAYS + " days before it"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		var customer = customers.require(externalRef, "externalRef");
		return new UsageReport(externalRef, first, last, usage.of(customer.getId(), first, last),
				seats.of(customer.getId(), first, last));
	}

}
