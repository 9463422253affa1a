package io.touchpoints.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention figures from the subscription ledger: each subscription's state at the start of a day is what the
 * changes effective before that day made of it, whenever they were reported. Customers are counted in cohorts: only
 * those active at a period's start churn, expand or contract in it; new customers do neither. Formulas in
 * docs/retention.md.
 */
@Service
class RetentionMetrics {

	/** Periods figures are reported by. */
	enum By {

		MONTH, QUARTER;

		static By of(String value) {
			return value == null ? MONTH : Arrays.stream(values())
				.filter(by -> by.name().equalsIgnoreCase(value))
				.findFirst()
				.orElse(null);
		}

	}

	private static final int TRAILING_MONTHS_FOR_LIFETIME = 6;

	private final JdbcTemplate jdbc;

	RetentionMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One entry of the ledger, as the figures read it. */
	private record Change(long subscriptionId, long customerId, String kind, LocalDate effectiveOn, LocalDate renewalDate,
			BigDecimal annualValue) {
	}

	/** A subscription at the start of a day: active or not, its annual value (null: unknown) and renewal date. */
	private record State(boolean active, BigDecimal arr, LocalDate renewalDate, boolean everStarted) {

		static final State NONE = new State(false, null, null, false);

	}

	@Transactional(readOnly = true)
	public List<RetentionFigures> of(YearMonth first, YearMonth last, By by) {
		LocalDate end = last.plusMonths(1).atDay(1);
		Map<Long, List<Change>> ledger = ledgerBefore(end);
		Map<Long, String> reasons = cancellationReasons();
		List<RetentionFigures> figures = new ArrayList<>();
		for (LocalDate start = periodStart(first.atDay(1), by); start.isBefore(end); start = next(start, by)) {
			figures.add(figures(label(start, by), start, next(start, by), ledger, reasons));
		}
		return figures;
	}

	private RetentionFigures figures(String label, LocalDate start, LocalDate end, Map<Long, List<Change>> ledger,
			Map<Long, String> reasons) {
		Map<Long, Customer> atStart = customers(ledger, start);
		Map<Long, Customer> atEnd = customers(ledger, end);
		Set<Long> startedWithin = customersStartingWithin(ledger, start, end);
		int cohort = 0;
		int churned = 0;
		BigDecimal arrAtStart = BigDecimal.ZERO;
		BigDecimal arrChurned = BigDecimal.ZERO;
		BigDecimal contracted = BigDecimal.ZERO;
		BigDecimal expanded = BigDecimal.ZERO;
		int lapsed = 0;
		int wonBack = 0;
		for (Map.Entry<Long, Customer> entry : atStart.entrySet()) {
			Customer before = entry.getValue();
			Customer after = atEnd.get(entry.getKey());
			if (!before.active()) {
				if (before.everStarted()) {
					lapsed++;
					if (startedWithin.contains(entry.getKey())) {
						wonBack++;
					}
				}
				continue;
			}
			cohort++;
			arrAtStart = arrAtStart.add(before.arr());
			if (!after.active()) {
				churned++;
				arrChurned = arrChurned.add(before.arr());
				continue;
			}
			BigDecimal delta = after.arr().subtract(before.arr());
			if (delta.signum() > 0) {
				expanded = expanded.add(delta);
			}
			else {
				contracted = contracted.add(delta.negate());
			}
		}
		Renewals renewals = renewals(ledger, start, end);
		BigDecimal kept = arrAtStart.subtract(arrChurned).subtract(contracted);
		return new RetentionFigures(label, cohort, churned, RetentionFigures.ratio(churned, cohort), money(arrAtStart),
				money(arrChurned), money(contracted), money(expanded), RetentionFigures.ratio(kept, arrAtStart),
				RetentionFigures.ratio(kept.add(expanded), arrAtStart), money(renewals.due()), money(renewals.renewed()),
				RetentionFigures.ratio(renewals.renewed(), renewals.due()), reasonCounts(ledger, reasons, start, end), lapsed, wonBack,
				RetentionFigures.ratio(wonBack, lapsed), lifetimeValue(ledger, end, atEnd), withoutValue(ledger, start, end));
	}

	/** A customer at the start of a day: active when any subscription is; their ARR, unknown values counted as 0. */
	private record Customer(boolean active, BigDecimal arr, boolean everStarted) {
	}

	private static Map<Long, Customer> customers(Map<Long, List<Change>> ledger, LocalDate day) {
		Map<Long, Customer> customers = new TreeMap<>();
		for (List<Change> changes : ledger.values()) {
			State state = stateAt(changes, day);
			if (!state.everStarted()) {
				continue;
			}
			long customerId = changes.get(0).customerId();
			BigDecimal arr = state.active() && state.arr() != null ? state.arr() : BigDecimal.ZERO;
			customers.merge(customerId, new Customer(state.active(), arr, true),
					(a, b) -> new Customer(a.active() || b.active(), a.arr().add(b.arr()), true));
		}
		return customers;
	}

	private static State stateAt(List<Change> changes, LocalDate day) {
		State state = State.NONE;
		for (Change change : changes) {
			if (!change.effectiveOn().isBefore(day)) {
				break;
			}
			state = switch (change.kind()) {
				case "started" -> new State(true, change.annualValue(), change.renewalDate(), true);
				case "changed", "renewed" -> new State(state.active(), change.annualValue(), change.renewalDate(), true);
				case "cancelled" -> new State(false, state.arr(), state.renewalDate(), true);
				default -> state;
			};
		}
		return state;
	}

	/**
	 * ARR due: subscriptions active at the start whose renewal date then fell within the period; renewed: those a
	 * renewal ran on from that date, up to what was due (more is expansion, not renewal).
	 */
	private record Renewals(BigDecimal due, BigDecimal renewed) {
	}

	private static Renewals renewals(Map<Long, List<Change>> ledger, LocalDate start, LocalDate end) {
		BigDecimal due = BigDecimal.ZERO;
		BigDecimal renewed = BigDecimal.ZERO;
		for (List<Change> changes : ledger.values()) {
			State state = stateAt(changes, start);
			if (!state.active() || state.arr() == null || state.renewalDate().isBefore(start)
					|| !state.renewalDate().isBefore(end)) {
				continue;
			}
			due = due.add(state.arr());
			for (Change change : changes) {
				if (change.kind().equals("renewed") && change.effectiveOn().equals(state.renewalDate())) {
					renewed = renewed.add(change.annualValue() == null ? BigDecimal.ZERO : change.annualValue().min(state.arr()));
					break;
				}
			}
		}
		return new Renewals(due, renewed);
	}

	private static List<RetentionFigures.ReasonCount> reasonCounts(Map<Long, List<Change>> ledger,
			Map<Long, String> reasons, LocalDate start, LocalDate end) {
		Map<String, Integer> counts = new TreeMap<>();
		Map<String, BigDecimal> values = new TreeMap<>();
		for (List<Change> changes : ledger.values()) {
			for (Change change : changes) {
				if (change.kind().equals("cancelled") && !change.effectiveOn().isBefore(start)
						&& change.effectiveOn().isBefore(end)) {
					// What it was worth when it ended: a renewal reported earlier but effective later does not count.
					BigDecimal arr = stateAt(changes, change.effectiveOn().plusDays(1)).arr();
					String codes = reasons.get(change.subscriptionId());
					for (String code : codes == null || codes.isBlank() ? List.of("unspecified") : List.of(codes.split(" "))) {
						counts.merge(code, 1, Integer::sum);
						values.merge(code, arr == null ? BigDecimal.ZERO : arr, BigDecimal::add);
					}
				}
			}
		}
		return counts.entrySet()
			.stream()
			.map(count -> new RetentionFigures.ReasonCount(count.getKey(), count.getValue(), money(values.get(count.getKey()))))
			.toList();
	}

	private static Set<Long> customersStartingWithin(Map<Long, List<Change>> ledger, LocalDate start, LocalDate end) {
		return ledger.values()
			.stream()
			.flatMap(List::stream)
			.filter(change -> change.kind().equals("started") && !change.effectiveOn().isBefore(start)
					&& change.effectiveOn().isBefore(end))
			.map(Change::customerId)
			.collect(Collectors.toSet());
	}

	/**
	 * Average annual revenue of the customers active at the period's end ÷ the annual logo churn, annualised from the
	 * six months before it as 1 − (1 − c)²; null without churn or without customers.
	 */
	private static BigDecimal lifetimeValue(Map<Long, List<Change>> ledger, LocalDate end, Map<Long, Customer> atEnd) {
		Map<Long, Customer> atWindowStart = customers(ledger, end.minusMonths(TRAILING_MONTHS_FOR_LIFETIME));
		Set<Long> cohort = atWindowStart.entrySet().stream().filter(c -> c.getValue().active()).map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		long churned = cohort.stream().filter(id -> !atEnd.get(id).active()).count();
		List<Customer> active = atEnd.values().stream().filter(Customer::active).toList();
		if (cohort.isEmpty() || churned == 0 || active.isEmpty()) {
			return null;
		}
		double sixMonths = (double) churned / cohort.size();
		double annual = 1 - Math.pow(1 - sixMonths, 2);
		BigDecimal average = active.stream().map(Customer::arr).reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(active.size()), 10, RoundingMode.HALF_EVEN);
		return money(average.divide(BigDecimal.valueOf(annual), 10, RoundingMode.HALF_EVEN));
	}

	private static int withoutValue(Map<Long, List<Change>> ledger, LocalDate start, LocalDate end) {
		return (int) ledger.values().stream().filter(changes -> {
			State atStart = stateAt(changes, start);
			State atEnd = stateAt(changes, end);
			return (atStart.active() && atStart.arr() == null) || (atEnd.active() && atEnd.arr() == null);
		}).count();
	}

	private Map<Long, List<Change>> ledgerBefore(LocalDate end) {
		Map<Long, List<Change>> ledger = new LinkedHashMap<>();
		jdbc.query("select subscription_id, customer_id, kind, effective_on, renewal_date, annual_value "
				+ "from subscription_change where effective_on < ? order by subscription_id, effective_on, id", rs -> {
			Change change = new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
					rs.getDate(5).toLocalDate(), rs.getBigDecimal(6));
			ledger.computeIfAbsent(change.subscriptionId(), id -> new ArrayList<>()).add(change);
		}, Date.valueOf(end));
		return ledger;
	}

	private Map<Long, String> cancellationReasons() {
		Map<Long, String> reasons = new TreeMap<>();
		jdbc.query("select id, cancellation_reasons from subscription where status = 'CANCELLED'",
				rs -> {
					reasons.put(rs.getLong(1), rs.getString(2));
				});
		return reasons;
	}

	private static LocalDate periodStart(LocalDate day, By by) {
		return by == By.MONTH ? day.withDayOfMonth(1) : day.with(IsoFields.DAY_OF_QUARTER, 1);
	}

	private static LocalDate next(LocalDate start, By by) {
		return by == By.MONTH ? start.plusMonths(1) : start.plusMonths(3);
	}

	private static String label(LocalDate start, By by) {
		return by == By.MONTH ? YearMonth.from(start).toString()
				: start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
	}

	private static BigDecimal money(BigDecimal value) {
		return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
	}

}
