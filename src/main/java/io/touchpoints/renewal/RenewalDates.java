package io.touchpoints.renewal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.process.ProcessVariables;
import io.touchpoints.system.AsEngine;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Billing moved a renewal date: the reminder the cycle waits for is planned again from the new date, by the same
 * rule (its days before, its local time), and its timer moved. Reminders already sent are not sent again; one whose
 * new moment has passed is sent at once, late rather than never. A cycle that had reached its end (the renewal overdue,
 * or followed up) starts again towards the new date when it lies ahead: a new cycle for the same term, whose reminders
 * that have already passed are skipped. Between two steps nothing needs doing: the next step plans from the new date.
 */
@Component
class RenewalDates {

	private final RenewalCycles cycles;

	private final RenewingSubscription renewing;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final AsEngine asEngine;

	private final TaskService taskService;

	private final Timeline timeline;

	private final Clock clock;

	RenewalDates(RenewalCycles cycles, RenewingSubscription renewing, @Lazy RuntimeService runtimeService,
			@Lazy ManagementService managementService, @Lazy TaskService taskService, AsEngine asEngine,
			Timeline timeline, Clock clock) {
		this.cycles = cycles;
		this.renewing = renewing;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.taskService = taskService;
		this.asEngine = asEngine;
		this.timeline = timeline;
		this.clock = clock;
	}

	void moved(String purchaseId) {
		RenewingSubscription.Of renewal = renewing.of(purchaseId);
		if (!renewal.subscription().isActive() || renewal.subscription().isEnding()) {
			return;
		}
		Optional<String> current = cycles.current(purchaseId);
		if (current.isPresent() && asEngine.call(() -> hasTimers(current.get()))) {
			asEngine.run(() -> move(renewal, current.get()));
		}
		else if ((current.isEmpty() || asEngine.call(() -> waitsForPeople(current.get()))) && isAhead(renewal)) {
			cycles.restart(renewal.subscription(), renewal.customer().getExternalRef(), renewal.customer().getName());
			timeline.record(Timeline.Entry.of(renewal.customer().getId(), TimelineKind.RENEWAL_REMINDER_MOVED,
					"Renewal of '" + purchaseId + "' moved to " + renewal.subscription().getRenewalDate()
							+ ": its renewal cycle starts again towards it"));
		}
	}

	private boolean hasTimers(String processInstanceId) {
		return managementService.createJobQuery().processInstanceId(processInstanceId).timers().count() > 0;
	}

	private boolean waitsForPeople(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).count() > 0;
	}

	private boolean isAhead(RenewingSubscription.Of renewal) {
		return renewal.subscription().getRenewalDate().atStartOfDay(renewal.zone()).toInstant().isAfter(clock.instant());
	}

	private void move(RenewingSubscription.Of renewal, String processInstanceId) {
		String purchaseId = renewal.subscription().getPurchaseId();
		runtimeService.setVariable(processInstanceId, ProcessVariables.RENEWAL_DATE,
				renewal.subscription().getRenewalDate().toString());
		Integer daysBefore = (Integer) runtimeService.getVariable(processInstanceId, ProcessVariables.REMINDER_DAYS_BEFORE);
		String localTime = (String) runtimeService.getVariable(processInstanceId, ProcessVariables.REMINDER_LOCAL_TIME);
		if (daysBefore == null || localTime == null) {
			return;
		}
		Instant at = RenewalCalendar.reminderAt(renewal.subscription().getRenewalDate(), daysBefore,
				LocalTime.parse(localTime), renewal.zone());
		runtimeService.setVariable(processInstanceId, ProcessVariables.REMINDER_AT, Date.from(at));
		runtimeService.setVariable(processInstanceId, ProcessVariables.REMINDER_AT_LOCAL,
				RenewalCalendar.local(at, renewal.zone()));
		// Based on their creation: a timer given as a date is evaluated again (${reminderAt}), one given as a duration
		// (a model's own boundary timer, say) keeps its due date.
		for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
			managementService.recalculateJobDuedate(timer.getId(), true);
		}
		timeline.record(Timeline.Entry.of(renewal.customer().getId(), TimelineKind.RENEWAL_REMINDER_MOVED,
				"Renewal of '" + purchaseId + "' moved to " + renewal.subscription().getRenewalDate() + ": the next step ("
						+ describe(daysBefore) + ") now falls on " + RenewalCalendar.local(at, renewal.zone()))
			.processInstance(processInstanceId));
	}

	private static String describe(int daysBefore) {
		int days = Math.abs(daysBefore);
		return days + (days == 1 ? " day " : " days ") + (daysBefore >= 0 ? "before" : "after");
	}

}
