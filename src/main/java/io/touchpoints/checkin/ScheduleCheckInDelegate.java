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
 * Schedules a check-in with the customer of the process instance: {@code offsetBusinessDays} after the
 * {@code anchor} ({@code today} or {@code subscription-start}), lasting {@code durationMinutes}, about
 * {@code topic}. Invites the customer (with a calendar attachment) and gives the CSM a task due at that moment.
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
		int offset = requiredInt(execution, "offsetBusinessDays");
		int minutes = requiredInt(execution, "durationMinutes");
		if (offset < 0 || minutes < 5) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "': offsetBusinessDays must be 0 or more and durationMinutes at least 5");
		}
		CheckIn checkIn = scheduler.schedule(new CheckInScheduler.Request(IdempotencyKeys.of(execution),
				execution.getProcessBusinessKey(), required(execution, "topic"),
				Anchor.parse(optional(execution, "anchor")), offset, Duration.ofMinutes(minutes),
				execution.getProcessInstanceId()));
		execution.setVariable("checkInId", checkIn.getId());
	}

}
