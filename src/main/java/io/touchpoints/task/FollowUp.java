package io.touchpoints.task;

import java.time.Instant;

/**
 * A standalone task to create for a customer: its type (for routing), title and description. {@code due}, when
 * set, replaces the routing table's SLA (a check-in is due when it takes place); {@code forLeadGroup} sends it to
 * the lead group instead of the candidate group, as escalations do.
 */
public record FollowUp(String customerRef, String taskType, String title, String description, Instant due,
		boolean forLeadGroup, String sourceProcessInstanceId) {

	public static FollowUp of(String customerRef, String taskType, String title, String description) {
		return new FollowUp(customerRef, taskType, title, description, null, false, null);
	}

	public FollowUp due(Instant due) {
		return new FollowUp(customerRef, taskType, title, description, due, forLeadGroup, sourceProcessInstanceId);
	}

	public FollowUp toLeadGroup() {
		return new FollowUp(customerRef, taskType, title, description, due, true, sourceProcessInstanceId);
	}

	public FollowUp from(String processInstanceId) {
		return new FollowUp(customerRef, taskType, title, description, due, forLeadGroup, processInstanceId);
	}

}
