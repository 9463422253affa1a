package io.touchpoints.checkin;

import static io.touchpoints.process.DelegateInputs.optional;
import static io.touchpoints.process.DelegateInputs.required;
import static io.touchpoints.process.DelegateInputs.requiredInt;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.touchpoint.IdempotencyKeys;

/**
 * Schedules a check-in with the customer of the process instance: {@code offsetDays} (or
 * {@code offsetBusinessDays}) after the {@code anchor} ({@code today} or {@code subscription-start}), lasting
 * {@code durationMinutes}, about {@code topic} (a key of {@code templates/check-in-topics}, or words). Invites the customer (with a calendar attachment) and gives the CSM a task due at that moment.
 * Writes {@code checkInId}.
 */
@ModelBean
@Component("scheduleCheckInDelegate")
class ScheduleCheckInDelegate implements JavaDelegate {

	private final CheckInScheduler scheduler;

	ScheduleCheckInDelegate(CheckInScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int minutes = requiredInt(execution, "durationMinutes");
		if (minutes < 5) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "': durationMinutes must be at least 5");
		}
		CheckIn checkIn = scheduler.schedule(new CheckInScheduler.Request(IdempotencyKeys.of(execution),
				execution.getProcessBusinessKey(), required(execution, "topic"),
				Anchor.parse(optional(execution, "anchor")), offsetOf(execution), Duration.ofMinutes(minutes),
				execution.getProcessInstanceId()));
		execution.setVariable("checkInId", checkIn.getId());
	}

	/** {@code offsetDays} (calendar days: day 30 is day 30) or {@code offsetBusinessDays}: exactly one. */
	private static Offset offsetOf(DelegateExecution execution) {
		String days = optional(execution, "offsetDays");
		String businessDays = optional(execution, "offsetBusinessDays");
		if ((days == null) == (businessDays == null)) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "': give exactly one of offsetDays (calendar days) and offsetBusinessDays (working days)");
		}
		Offset offset = days != null ? Offset.calendarDays(requiredInt(execution, "offsetDays"))
				: Offset.workingDays(requiredInt(execution, "offsetBusinessDays"));
		if (offset.days() < 0) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "': the offset must be 0 days or more, not " + offset.days());
		}
		return offset;
	}

}
