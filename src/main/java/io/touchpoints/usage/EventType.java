package io.touchpoints.usage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a usage event reports, and what its {@code name} means for that type. */
enum EventType {

	/** The customer signed in; no name. */
	LOGIN,
	/** The customer used a feature; name = the feature. */
	FEATURE_USED,
	/** The customer reached an onboarding milestone; name = the milestone. */
	MILESTONE,
	/** A support ticket changed; name = opened, first_response, resolved or reopened. */
	TICKET,
	/** A live contact (a chat or a call) was queued, answered or abandoned; name = which. */
	LIVE_CONTACT,
	/** How many of its licensed seats the customer uses now; no name, properties.inUse. A reading, not a count. */
	SEATS;

	static final int MAX_SEATS = 1_000_000;

	static final List<String> TICKET_NAMES = List.of("opened", "first_response", "resolved", "reopened");

	static final List<String> LIVE_CONTACT_NAMES = List.of("queued", "answered", "abandoned");

	static final List<String> CHANNELS = List.of("email", "chat", "phone", "web");

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether events of this type are use of the product (a support ticket or a call is not). */
	static boolean isProductUse(String value) {
		return LOGIN.value().equals(value) || FEATURE_USED.value().equals(value);
	}

	static Optional<EventType> of(String value) {
		return Arrays.stream(values()).filter(type -> type.value().equals(value)).findFirst();
	}

	static List<String> valueNames() {
		return Arrays.stream(values()).map(EventType::value).toList();
	}

}
