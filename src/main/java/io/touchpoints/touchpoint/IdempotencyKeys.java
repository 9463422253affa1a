package io.touchpoints.touchpoint;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The identity of a touchpoint made by a BPMN activity: the process instance, the activity and, inside a
 * multi-instance activity, the loop counter; or the model's explicit {@code idempotencyKey} input, which an
 * activity on a loop path must set so each pass is a touchpoint of its own.
 */
public final class IdempotencyKeys {

	public static final String INPUT = "idempotencyKey";

	private IdempotencyKeys() {
	}

	public static String of(DelegateExecution execution) {
		Object explicit = execution.getVariableLocal(INPUT);
		if (explicit != null && !explicit.toString().isBlank()) {
			return "key:" + explicit;
		}
		Object loopCounter = execution.getVariableLocal("loopCounter");
		return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()
				+ (loopCounter == null ? "" : ":" + loopCounter);
	}

}
