package io.touchpoints.renewal;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.process.DelegateInputs;
import io.touchpoints.process.ProcessVariables;
import io.touchpoints.sandbox.ModelBean;

/**
 * Plans the next reminder of a renewal cycle: {@code daysBefore} the subscription's renewal date (negative: after
 * it), at {@code localTime} (default 09:00) in the customer's time zone. Writes {@code reminderAt} for the timer that
 * follows, and {@code reminderDue}: false when that moment fell before the cycle began (a first term shorter than 90
 * days has no 90-day reminder), so the model skips it instead of sending it late.
 */
@ModelBean
@Component("planRenewalReminderDelegate")
class PlanRenewalReminderDelegate implements JavaDelegate {

	static final String DAYS_BEFORE = "daysBefore";

	static final String LOCAL_TIME = "localTime";

	private final RenewingSubscription renewing;

	PlanRenewalReminderDelegate(RenewingSubscription renewing) {
		this.renewing = renewing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int daysBefore = DelegateInputs.requiredInt(execution, DAYS_BEFORE);
		LocalTime localTime = DelegateInputs.optionalTime(execution, LOCAL_TIME, LocalTime.of(9, 0));
		// Locked: a renewal date moved meanwhile waits for this step and then moves the timer it planned.
		RenewingSubscription.Of renewal = renewing.locked((String) execution.getVariable(ProcessVariables.PURCHASE_ID));
		Instant at = RenewalCalendar.reminderAt(renewal.subscription().getRenewalDate(), daysBefore, localTime,
				renewal.zone());
		Date cycleStartedAt = (Date) execution.getVariable(ProcessVariables.CYCLE_STARTED_AT);
		execution.setVariable(ProcessVariables.RENEWAL_DATE, renewal.subscription().getRenewalDate().toString());
		execution.setVariable(ProcessVariables.PLAN, renewal.subscription().getPlan());
		execution.setVariable(ProcessVariables.REMINDER_AT, Date.from(at));
		execution.setVariable(ProcessVariables.REMINDER_AT_LOCAL, RenewalCalendar.local(at, renewal.zone()));
		execution.setVariable(ProcessVariables.REMINDER_DAYS_BEFORE, daysBefore);
		execution.setVariable(ProcessVariables.REMINDER_LOCAL_TIME, localTime.toString());
		execution.setVariable(ProcessVariables.REMINDER_DUE, cycleStartedAt == null || !at.isBefore(cycleStartedAt.toInstant()));
	}

}
