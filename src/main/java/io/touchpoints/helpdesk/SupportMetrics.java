package io.touchpoints.helpdesk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.touchpoints.helpdesk.SupportFigures.Figure;
import io.touchpoints.helpdesk.SupportFigures.Figures;
import io.touchpoints.helpdesk.SupportTargets.Targets;
import io.touchpoints.system.AsEngine;

/**
 * Support measured as customer-success practice measures it, per month or week: ticket volume, the share answered
 * within the first-response window, the median first response, first-contact resolution, live contacts' median
 * wait, long waits and abandonment, and the moments of delight CSMs recorded. Tickets count in the period they
 * opened, live contacts in the period they ended.
 */
@Service
class SupportMetrics {

	enum By {
		MONTH, WEEK
	}

	private record Ticket(String channel, String stage, Instant openedAt, Instant firstResponseAt, Instant resolvedAt,
			Integer agentContacts, Instant reopenedAt) {
	}

	private record Contact(String channel, String stage, String outcome, Integer waitSeconds, Instant at) {
	}

	private final JdbcTemplate jdbc;

	private final SupportTargets targets;

	private final HistoryService history;

	private final AsEngine asEngine;

	private final Clock clock;

	SupportMetrics(JdbcTemplate jdbc, SupportTargets targets, @Lazy HistoryService history, AsEngine asEngine, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.history = history;
		this.asEngine = asEngine;
		this.clock = clock;
	}

	List<SupportFigures> figures(YearMonth from, YearMonth to, By by) {
		LocalDate first = from.atDay(1);
		LocalDate last = to.atEndOfMonth();
		Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<Ticket> tickets = jdbc.query("""
				select channel, stage, opened_at, first_response_at, resolved_at, agent_contacts, reopened_at
				from support_ticket where opened_at >= ? and opened_at < ?""",
				(rs, row) -> new Ticket(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
						instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), (Integer) rs.getObject(6),
						instant(rs.getTimestamp(7))), Timestamp.from(start), Timestamp.from(end));
		List<Contact> contacts = jdbc.query("""
				select channel, stage, outcome, wait_seconds, occurred_at from live_contact
				where outcome in ('answered', 'abandoned') and occurred_at >= ? and occurred_at < ?""",
				(rs, row) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
						instant(rs.getTimestamp(5))), Timestamp.from(start), Timestamp.from(end));
		List<SupportFigures.Delight> delights = delights(start, end);
		Map<String, Targets> byStage = new HashMap<>();
		Function<String, Targets> targetsOf = stage -> byStage.computeIfAbsent(stage, targets::of);
		List<SupportFigures> periods = new ArrayList<>();
		for (LocalDate[] period : periods(first, last, by)) {
			Instant periodStart = period[0].atStartOfDay(ZoneOffset.UTC).toInstant();
			Instant periodEnd = period[1].plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			Predicate<Instant> inPeriod = at -> !at.isBefore(periodStart) && at.isBefore(periodEnd);
			List<Ticket> periodTickets = tickets.stream().filter(ticket -> inPeriod.test(ticket.openedAt())).toList();
			List<Contact> periodContacts = contacts.stream().filter(contact -> inPeriod.test(contact.at())).toList();
			Map<String, Figures> channels = new TreeMap<>();
			groups(periodTickets, periodContacts, Ticket::channel, Contact::channel)
				.forEach(channel -> channels.put(channel, figures(periodTickets, periodContacts,
						ticket -> ticket.channel().equals(channel), contact -> contact.channel().equals(channel),
						targetsOf.apply(""), targetsOf)));
			Map<String, Figures> stages = new TreeMap<>();
			groups(periodTickets, periodContacts, Ticket::stage, Contact::stage)
				.forEach(stage -> stages.put(stage, figures(periodTickets, periodContacts,
						ticket -> ticket.stage().equals(stage), contact -> contact.stage().equals(stage), targetsOf.apply(stage),
						targetsOf)));
			periods.add(new SupportFigures(label(period[0], by), period[0], period[1],
					figures(periodTickets, periodContacts, ticket -> true, contact -> true, targetsOf.apply(""), targetsOf),
					channels, stages,
					delights.stream().filter(delight -> !delight.on().isBefore(period[0]) && !delight.on().isAfter(period[1]))
						.toList()));
		}
		return periods;
	}

	private Figures figures(List<Ticket> allTickets, List<Contact> allContacts, Predicate<Ticket> ticketFilter,
			Predicate<Contact> contactFilter, Targets goal, Function<String, Targets> targetsOf) {
		Instant now = clock.instant();
		List<Ticket> tickets = allTickets.stream().filter(ticketFilter).toList();
		List<Ticket> decided = tickets.stream()
			.filter(ticket -> ticket.firstResponseAt() != null || !ticket.openedAt()
				.plus(Duration.ofHours(targetsOf.apply(ticket.stage()).firstResponseHours())).isAfter(now))
			.toList();
		long inTime = decided.stream()
			.filter(ticket -> ticket.firstResponseAt() != null && !ticket.firstResponseAt()
				.isAfter(ticket.openedAt().plus(Duration.ofHours(targetsOf.apply(ticket.stage()).firstResponseHours()))))
			.count();
		List<Double> responseHours = tickets.stream()
			.filter(ticket -> ticket.firstResponseAt() != null)
			.map(ticket -> Duration.between(ticket.openedAt(), ticket.firstResponseAt()).toSeconds() / 3600.0)
			.toList();
		List<Ticket> resolved = tickets.stream().filter(ticket -> ticket.resolvedAt() != null).toList();
		long firstContact = resolved.stream()
			.filter(ticket -> ticket.agentContacts() != null && ticket.agentContacts() == 1)
			.filter(ticket -> ticket.reopenedAt() == null || ticket.reopenedAt().isBefore(ticket.resolvedAt())
					|| ticket.reopenedAt().isAfter(ticket.resolvedAt()
						.plus(Duration.ofDays(targetsOf.apply(ticket.stage()).reopenWindowDays()))))
			.count();
		List<Contact> contacts = allContacts.stream().filter(contactFilter)
			.filter(contact -> !"abandoned".equals(contact.outcome()) || contact.waitSeconds() == null
					|| contact.waitSeconds() >= targetsOf.apply(contact.stage()).ignoreAbandonSeconds())
			.toList();
		List<Double> waits = contacts.stream()
			.filter(contact -> "answered".equals(contact.outcome()) && contact.waitSeconds() != null)
			.map(contact -> contact.waitSeconds().doubleValue())
			.toList();
		long longWaits = contacts.stream()
			.filter(contact -> contact.waitSeconds() != null
					&& contact.waitSeconds() > targetsOf.apply(contact.stage()).longWaitSeconds())
			.count();
		long abandoned = contacts.stream().filter(contact -> "abandoned".equals(contact.outcome())).count();
		return new Figures(tickets.size(), Figure.atLeast(share(inTime, decided.size()), goal.firstAnsweredShare()),
				Figure.atMost(median(responseHours), goal.medianFirstResponseHours()),
				Figure.atLeast(share(firstContact, resolved.size()), goal.firstContactResolution()), contacts.size(),
				Figure.atMost(median(waits), goal.medianWaitSeconds()),
				Figure.atMost(share(longWaits, contacts.size()), goal.longWaitShare()),
				Figure.atMost(share(abandoned, contacts.size()), goal.abandonment()));
	}

	private List<SupportFigures.Delight> delights(Instant start, Instant end) {
		return asEngine.call(() -> {
			List<HistoricVariableInstance> causes = history.createHistoricVariableInstanceQuery()
				.variableName("delightCause")
				.list()
				.stream()
				.filter(cause -> cause.getValue() != null && !cause.getCreateTime().toInstant().isBefore(start)
						&& cause.getCreateTime().toInstant().isBefore(end))
				.toList();
			if (causes.isEmpty()) {
				return List.of();
			}
			Set<String> instances = causes.stream().map(HistoricVariableInstance::getProcessInstanceId)
				.collect(Collectors.toSet());
			Map<String, String> customerOf = history.createHistoricProcessInstanceQuery()
				.processInstanceIds(instances)
				.list()
				.stream()
				.filter(instance -> instance.getBusinessKey() != null)
				.collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
			return causes.stream()
				.sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
				.map(cause -> new SupportFigures.Delight(customerOf.getOrDefault(cause.getProcessInstanceId(), ""),
						cause.getCreateTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate(), cause.getValue().toString()))
				.toList();
		});
	}

	private static <T, C> Set<String> groups(List<T> tickets, List<C> contacts, Function<T, String> ofTicket,
			Function<C, String> ofContact) {
		Set<String> groups = new java.util.TreeSet<>();
		tickets.forEach(ticket -> groups.add(ofTicket.apply(ticket)));
		contacts.forEach(contact -> groups.add(ofContact.apply(contact)));
		return groups;
	}

	private static List<LocalDate[]> periods(LocalDate first, LocalDate last, By by) {
		List<LocalDate[]> periods = new ArrayList<>();
		if (by == By.MONTH) {
			for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
				periods.add(new LocalDate[] { month.atDay(1), month.atEndOfMonth() });
			}
			return periods;
		}
		for (LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(last);
				monday = monday.plusWeeks(1)) {
			periods.add(new LocalDate[] { monday.isBefore(first) ? first : monday,
					monday.plusDays(6).isAfter(last) ? last : monday.plusDays(6) });
		}
		return periods;
	}

	private static String label(LocalDate start, By by) {
		return by == By.MONTH ? YearMonth.from(start).toString()
				: start.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
	}

	private static Double median(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		return Math.round(median * 100) / 100.0;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
