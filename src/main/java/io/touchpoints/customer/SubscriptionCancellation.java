package io.touchpoints.customer;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a subscription was cancelled (codes from {@link CancellationReasons}, and the customer's or billing's words)
 * and when it takes effect.
 */
public record SubscriptionCancellation(List<String> reasons, String comment, Effective effective) {

	/** Whether the subscription ends at once or runs to the end of the term it was paid for. */
	public enum Effective {

		IMMEDIATELY, END_OF_TERM;

		@JsonValue
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Effective of(String value) {
			return value == null ? IMMEDIATELY : valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	public SubscriptionCancellation {
		reasons = List.copyOf(reasons);
	}

}
