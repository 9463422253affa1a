package io.touchpoints.customer;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a customer stands in the lifecycle; decides what is sent and who acts. */
public enum LifecycleStage {

	CONVERSION, ONBOARDING, ADOPTION, ENGAGEMENT, RENEWAL, WINBACK, ADVOCACY;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
