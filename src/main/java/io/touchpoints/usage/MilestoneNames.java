package io.touchpoints.usage;

import java.util.List;

/** The milestones a usage event of type {@code milestone} may report, in checklist order. */
public final class MilestoneNames {

	public static final String DATA_MIGRATED = "data-migrated";

	public static final String TECHNICAL_SETUP_VERIFIED = "technical-setup-verified";

	public static final String TRAINING_COMPLETED = "training-completed";

	public static final List<String> ALL = List.of(DATA_MIGRATED, TECHNICAL_SETUP_VERIFIED, TRAINING_COMPLETED);

	private MilestoneNames() {
	}

}
