package io.touchpoints.system;

import java.time.YearMonth;
import java.util.List;

/** Whole months from the query parameters {@code from} and {@code to}, both included, as metrics report them. */
public record MonthRange(YearMonth first, YearMonth last) {

	public static final int MAX_MONTHS = 36;

	private static final String MONTH = "a month like 2026-09";

	/**
	 * The months asked for: {@code to} defaults to {@code thisMonth}, {@code from} to the {@code defaultMonths} months
	 * ending with {@code to}. Null after adding a problem for each bad parameter, a reversed range or one longer than
	 * {@value #MAX_MONTHS} months.
	 */
	public static MonthRange parse(String from, String to, YearMonth thisMonth, int defaultMonths,
			List<FieldProblem> problems) {
		YearMonth last = QueryParameters.parse("to", to, thisMonth, YearMonth::parse, MONTH, problems);
		YearMonth first = QueryParameters.parse("from", from,
				(last == null ? thisMonth : last).minusMonths(defaultMonths - 1L), YearMonth::parse, MONTH, problems);
		if (first == null || last == null) {
			return null;
		}
		if (first.isAfter(last)) {
			problems.add(new FieldProblem("to", "must not be before from"));
			return null;
		}
		if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
			problems.add(new FieldProblem("from", "the period may span at most " + MAX_MONTHS + " months"));
			return null;
		}
		return new MonthRange(first, last);
	}

}
