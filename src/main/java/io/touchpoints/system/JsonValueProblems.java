package io.touchpoints.system;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Says what a JSON value of the wrong shape should have been: "must be a string, not 123". */
final class JsonValueProblems {

	private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
			Short.class, short.class, Byte.class, byte.class, BigInteger.class);

	private static final int SHOWN_LENGTH = 60;

	private JsonValueProblems() {
	}

	/** Why {@code value} cannot become a {@code type}; {@code failure} is what Jackson reported. */
	static String of(Class<?> type, JsonNode value, Exception failure) {
		if (failure instanceof AcceptedDatesModule.OutOfRangeException outOfRange) {
			return outOfRange.getOriginalMessage();
		}
		return "must be " + expected(type) + ", not " + shown(value);
	}

	/** What a value of {@code type} looks like in JSON: "a date like 2026-11-23". */
	static String expected(Class<?> type) {
		if (type == String.class || type == Character.class || type == char.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (WHOLE_NUMBERS.contains(type)) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number";
		}
		if (type == LocalDate.class) {
			return "a date like 2026-11-23";
		}
		if (type == LocalDateTime.class) {
			return "a date and time like 2026-12-02T10:00";
		}
		if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
			return "an instant like 2026-11-23T10:00:00Z";
		}
		if (type == YearMonth.class) {
			return "a month like 2026-01";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object"
				: "a " + type.getSimpleName();
	}

	private static String shown(JsonNode value) {
		if (value.isTextual()) {
			String text = value.textValue();
			return "'" + (text.length() > SHOWN_LENGTH ? text.substring(0, SHOWN_LENGTH) + "…" : text) + "'";
		}
		if (value.isObject()) {
			return "an object";
		}
		if (value.isArray()) {
			return "an array";
		}
		return value.asText();
	}

}
