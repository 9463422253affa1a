package io.touchpoints.task;

/**
 * Task types the code itself creates tasks of; the routing table has a rule for each. Journeys' user tasks name
 * their type in the model (extension property {@code taskType}, set by the "Task for people" element template).
 */
public final class TaskTypes {

	/** The extension property, and the task-local variable, that carries a task's type. */
	public static final String PROPERTY = "taskType";

	public static final String CHECK_IN = "check-in";

	private TaskTypes() {
	}

}
