package io.touchpoints.sandbox;

import java.util.Date;
import java.util.Set;

/**
 * The values an expression may store in a variable: text, numbers, true/false, dates and null, which the engine
 * stores as such. Anything else (a bean, a list) would be stored as a serialized Java object, or fail later.
 */
final class PlainValues {

	private static final Set<Class<?>> PLAIN = Set.of(String.class, Boolean.class, Short.class, Integer.class,
			Long.class, Double.class, Date.class);

	private PlainValues() {
	}

	static Object require(String variable, Object value) {
		if (value == null || PLAIN.contains(value.getClass())) {
			return value;
		}
		throw new ExpressionRefusedException("variable '" + variable + "' may hold text, a number, true/false, a date or "
				+ "null, not a " + value.getClass().getName());
	}

}
