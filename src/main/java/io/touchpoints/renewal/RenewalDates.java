package io.touchpoints.renewal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
 * new moment has passed is sent at once, late rather than never.
 */
@Component
class RenewalDates {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final RenewalCycles cycles;

	private final RenewingSubscription renewing;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final AsEngine asEngine;

	private final Timeline timeline;

	RenewalDates(RenewalCycles cycles, RenewingSubscription renewing, @Lazy RuntimeService runtimeService,
			@Lazy ManagementService managementService, AsEngine asEngine, Timeline timeline) {
		this.cycles = cycles;
		this.renewing = renewing;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.asEngine = asEngine;
		this.timeline = timeline;
	}

	void moved(String purchaseId) {
		cycles.current(purchaseId).ifPresent(processInstanceId -> asEngine.run(() -> move(purchaseId, processInstanceId)));
	}

	private void move(String purchaseId, String processInstanceId) {
		RenewingSubscription.Of renewal = renewing.of(purchaseId);
		runtimeService.setVariable(processInstanceId, ProcessVariables.RENEWAL_DATE,
				renewal.subscription().getRenewalDate().toString());
		Integer daysBefore = (Integer) runtimeService.getVariable(processInstanceId, ProcessVariables.REMINDER_DAYS_BEFORE);
		String localTime = (String) runtimeService.getVariable(processInstanceId, ProcessVariables.REMINDER_LOCAL_TIME);
		Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
		if (daysBefore == null || localTime == null || timer == null) {
			return;
		}
		Instant at = RenewalCalendar.reminderAt(renewal.subscription().getRenewalDate(), daysBefore,
				LocalTime.parse(localTime), renewal.zone());
		runtimeService.setVariable(processInstanceId, ProcessVariables.REMINDER_AT, Date.from(at));
		managementService.recalculateJobDuedate(timer.getId(), false);
		timeline.record(Timeline.Entry.of(renewal.customer().getId(), TimelineKind.RENEWAL_REMINDER_MOVED,
				"Renewal of '" + purchaseId + "' moved to " + renewal.subscription().getRenewalDate() + ": the next step ("
						+ describe(daysBefore) + ") now falls on " + LOCAL.format(at.atZone(renewal.zone())) + " "
						+ renewal.zone().getId())
			.processInstance(processInstanceId));
	}

	private static String describe(int daysBefore) {
		return daysBefore >= 0 ? daysBefore + " days before" : -daysBefore + " days after";
	}

}
