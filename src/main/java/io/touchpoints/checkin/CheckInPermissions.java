package io.touchpoints.checkin;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.touchpoints.system.web.Caller;
import io.touchpoints.task.TaskAccess;

/**
 * Who may move or cancel a check-in: whoever may work the check-in's task (its claimant, or its team while it
 * is unclaimed), a lead of that team, or an administrator.
 */
@Component
class CheckInPermissions {

	private final TaskAccess tasks;

	CheckInPermissions(TaskAccess tasks) {
		this.tasks = tasks;
	}

	void requireMayChange(CheckIn checkIn, Caller caller) {
		if (caller.isAdministrator() || checkIn.getStatus() != CheckIn.Status.SCHEDULED) {
			// What is no longer scheduled cannot change: the answer is the same conflict for everyone.
			return;
		}
		boolean allowed = checkIn.getTaskId() != null && tasks.holdersOf(checkIn.getTaskId())
			.map(holders -> tasks.mayChange(caller, holders))
			.orElse(false);
		if (!allowed) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Check-in '" + checkIn.getId()
					+ "' belongs to whoever works its task (" + checkIn.getTaskId() + "), their team or its lead");
		}
	}

}
