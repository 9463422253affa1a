package io.touchpoints.system;

import java.time.DateTimeException;
import java.util.List;
import java.util.function.Function;

/**
 * Parses optional query parameters, collecting a problem per bad one so a request learns of all of them at once.
 * Dates must lie in {@link AcceptedDates}, as in request bodies.
 */
public final class QueryParameters {

	private QueryParameters() {
	}

	/**
	 * The parsed value, {@code fallback} when the parameter is absent, or null after adding a problem saying
	 * what was expected ({@code "a month like 2026-01"}) or that the date is out of range.
	 */
	public static <T> T parse(String field, String value, T fallback, Function<String, T> parser, String expected,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		T parsed;
		try {
			parsed = parser.apply(value.strip());
		}
		catch (DateTimeException | IllegalArgumentException e) {
			problems.add(new FieldProblem(field, "'" + value + "' is not " + expected));
			return null;
		}
		String outOfRange = AcceptedDates.problem(parsed);
		if (outOfRange != null) {
			problems.add(new FieldProblem(field, "'" + value + "' " + outOfRange));
			return null;
		}
		return parsed;
	}

}
