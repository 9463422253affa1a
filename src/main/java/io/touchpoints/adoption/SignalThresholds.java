package io.touchpoints.adoption;

/** One row of {@code adoption-signals.dmn}: when a customer of a stage and tier counts as in trouble. */
record SignalThresholds(int inactiveDays, int inactiveAfterDay, double fallingBelow, int fallingMinWeeks,
		int stickyByDay, int stickyRequired, int repeatAfterDays) {
}
