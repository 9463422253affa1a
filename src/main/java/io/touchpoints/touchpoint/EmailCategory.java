package io.touchpoints.touchpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an email is about, declared by its template. Customers opt out per category; {@code service} emails
 * (transactional) and {@code internal} ones (to our own teams) are never blocked by opt-outs or caps.
 */
public enum EmailCategory {

	SERVICE, ONBOARDING, SUPPORT, SURVEYS, OFFERS, INTERNAL;

	/** The categories a customer may opt out of, in the order the preferences page shows them. */
	public static final List<EmailCategory> OPTIONAL = List.of(ONBOARDING, SUPPORT, SURVEYS, OFFERS);

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether consent, the frequency cap and unsubscribe links apply. */
	public boolean isOptional() {
		return OPTIONAL.contains(this);
	}

	public static Optional<EmailCategory> of(String value) {
		return Arrays.stream(values()).filter(category -> category.value().equals(value)).findFirst();
	}

}
