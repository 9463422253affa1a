package io.touchpoints.task;

/** Which of the routing table's groups gets a task: the team that works it, or its lead (escalations). */
enum RouteTo {

	CANDIDATE_GROUP("candidate-group"), LEAD_GROUP("lead-group");

	private final String value;

	RouteTo(String value) {
		this.value = value;
	}

	String value() {
		return value;
	}

	/** The model's or caller's word for it; the candidate group when none is given. */
	static RouteTo of(String value, String taskName) {
		if (value == null || CANDIDATE_GROUP.value.equals(value)) {
			return CANDIDATE_GROUP;
		}
		if (LEAD_GROUP.value.equals(value)) {
			return LEAD_GROUP;
		}
		throw new IllegalArgumentException("Task '" + taskName + "': routeTo must be 'candidate-group' or 'lead-group', not '"
				+ value + "'");
	}

}
