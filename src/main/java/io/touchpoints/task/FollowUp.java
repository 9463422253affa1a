package io.touchpoints.task;

import java.time.Instant;
import java.util.Map;

/**
 * A task to create for a customer that no journey waits for: its type (for routing), title, why it exists and the
 * Camunda Form it shows ({@value #DEFAULT_FORM} unless set). {@code due}, when set, replaces the routing table's SLA
 * (a check-in is due when it takes place); {@code forLeadGroup} sends it to the lead group instead of the candidate
 * group, as escalations do.
 */
public record FollowUp(String customerRef, String taskType, String title, String description, Instant due,
		boolean forLeadGroup, String sourceProcessInstanceId, String form, Map<String, Object> details) {

	public static final String DEFAULT_FORM = "follow-up-task";

	public static FollowUp of(String customerRef, String taskType, String title, String description) {
		return new FollowUp(customerRef, taskType, title, description, null, false, null, DEFAULT_FORM, Map.of());
	}

	public FollowUp due(Instant due) {
		return new FollowUp(customerRef, taskType, title, description, due, forLeadGroup, sourceProcessInstanceId, form, details);
	}

	public FollowUp toLeadGroup() {
		return new FollowUp(customerRef, taskType, title, description, due, true, sourceProcessInstanceId, form, details);
	}

	public FollowUp from(String processInstanceId) {
		return new FollowUp(customerRef, taskType, title, description, due, forLeadGroup, processInstanceId, form, details);
	}

	/** Variables the task's form shows besides the customer's context (evidence, figures), by name. */
	public FollowUp withDetails(Map<String, Object> variables) {
		return new FollowUp(customerRef, taskType, title, description, due, forLeadGroup, sourceProcessInstanceId, form,
				Map.copyOf(variables));
	}

	/** The Camunda Form (its id in {@code processes/forms}) the task shows instead of the default one. */
	public FollowUp withForm(String formId) {
		return new FollowUp(customerRef, taskType, title, description, due, forLeadGroup, sourceProcessInstanceId, formId, details);
	}

}
