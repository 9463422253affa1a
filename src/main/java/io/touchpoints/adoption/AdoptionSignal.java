package io.touchpoints.adoption;

/** What the daily evaluation looks for: a customer drifting away before they feel it. */
enum AdoptionSignal {

	INACTIVE("inactive", "Inactive"),
	USAGE_FALLING("usage-falling", "Usage falling"),
	STICKY_FEATURES_UNUSED("sticky-features-unused", "Sticky features unused");

	private final String value;

	private final String label;

	AdoptionSignal(String value, String label) {
		this.value = value;
		this.label = label;
	}

	String value() {
		return value;
	}

	String label() {
		return label;
	}

}
