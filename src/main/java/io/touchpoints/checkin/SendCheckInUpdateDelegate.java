package io.touchpoints.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.sandbox.ModelBean;

/**
 * Tells the customer that check-in {@code checkInId} moved or was cancelled, with the updated calendar event
 * (process variables {@code checkInId} and {@code sequence}, set when the change was made).
 */
@ModelBean
@Component("sendCheckInUpdateDelegate")
class SendCheckInUpdateDelegate implements JavaDelegate {

	private final CheckInChanges changes;

	SendCheckInUpdateDelegate(CheckInChanges changes) {
		this.changes = changes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object checkInId = execution.getVariable("checkInId");
		Object sequence = execution.getVariable("sequence");
		if (checkInId == null || !(sequence instanceof Number number)) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "' needs process variables 'checkInId' and 'sequence'");
		}
		changes.sendUpdate(checkInId.toString(), number.intValue(), execution.getProcessInstanceId());
	}

}
