package io.touchpoints.touchpoint;

import java.util.Locale;

/** What a touchpoint does when the customer has already had their share of emails this week. */
public enum OnCap {

	/** Wait until the rolling period frees a slot. */
	DEFER,
	/** Drop this touchpoint and let the journey go on. */
	SKIP;

	public static OnCap parse(Object value) {
		if (value == null || value.toString().isBlank()) {
			return DEFER;
		}
		try {
			return valueOf(value.toString().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("onCap must be 'defer' or 'skip', not '" + value + "'");
		}
	}

}
