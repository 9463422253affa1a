package io.touchpoints.checkin;

import java.util.Locale;

/** The date a check-in's business-day offset counts from. */
public enum Anchor {

	/** The day the scheduling step runs, in the customer's time zone. */
	TODAY,
	/** The start date of the customer's latest subscription. */
	SUBSCRIPTION_START;

	static Anchor parse(String value) {
		if (value == null) {
			return TODAY;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("anchor must be 'today' or 'subscription-start', not '" + value + "'");
		}
	}

}
