package io.touchpoints.sandbox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.valuemapper.JavaCustomValueMapper;

/**
 * The first of FEEL's value mappers: a value that is not text, a number, a boolean, a date or time, a duration,
 * a list or a map becomes an error instead of reaching FEEL's fallback, which wraps any Java object so that an
 * expression can call its getters ({@code blob.class} and onwards to the class loader). Lists and maps come back
 * here element by element, so nothing nested gets through either.
 */
final class PlainFeelValues extends JavaCustomValueMapper {

	/** Exactly the classes FEEL's own mappers turn into FEEL values; a subclass might be wrapped as an object. */
	private static final Set<Class<?>> PLAIN = Set.of(String.class, Boolean.class, Integer.class, Long.class,
			Short.class, Double.class, Float.class, BigDecimal.class, BigInteger.class, LocalDate.class,
			LocalTime.class, LocalDateTime.class, OffsetTime.class, OffsetDateTime.class, ZonedDateTime.class,
			Duration.class, Period.class);

	@Override
	public Optional<Val> toValue(Object value, Function<Object, Val> innerValueMapper) {
		if (isPlain(value)) {
			return Optional.empty();
		}
		return Optional.of(new ValError("A FEEL expression reads text, numbers, booleans, dates, durations, lists and "
				+ "contexts; this value is a " + value.getClass().getSimpleName()));
	}

	private static boolean isPlain(Object value) {
		return value == null || PLAIN.contains(value.getClass()) || value instanceof Date || value instanceof List
				|| value instanceof Map || value instanceof Val || isFeelsOwn(value);
	}

	/** Scala values FEEL itself hands back while it unpacks its results. */
	private static boolean isFeelsOwn(Object value) {
		return value.getClass().getName().startsWith("camundajar.impl.scala.");
	}

	@Override
	public Optional<Object> unpackValue(Val value, Function<Val, Object> innerValueMapper) {
		return Optional.empty();
	}

	@Override
	public int priority() {
		return Integer.MAX_VALUE;
	}

}
