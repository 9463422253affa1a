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

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.util.ClassUtils;

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
		if (failure instanceof InputCoercionException && wholeNumberRange(type) != null) {
			return "must be a whole number from " + wholeNumberRange(type) + ", not " + shown(value);
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

	/** The whole numbers a {@code type} holds ("-128 to 127"); null for a type that holds any. */
	private static String wholeNumberRange(Class<?> type) {
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == Integer.class) {
			return Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
		}
		if (boxed == Long.class) {
			return Long.MIN_VALUE + " to " + Long.MAX_VALUE;
		}
		if (boxed == Short.class) {
			return Short.MIN_VALUE + " to " + Short.MAX_VALUE;
		}
		return boxed == Byte.class ? Byte.MIN_VALUE + " to " + Byte.MAX_VALUE : null;
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
