package io.touchpoints.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads a delegate's input parameters (local variables of its activity), failing with a message a modeler can act on. */
public final class DelegateInputs {

	private DelegateInputs() {
	}

	public static String required(DelegateExecution execution, String input) {
		String value = optional(execution, input);
		if (value == null) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName() + "' ("
					+ execution.getCurrentActivityId() + ") needs input parameter '" + input + "'");
		}
		return value;
	}

	public static String optional(DelegateExecution execution, String input) {
		Object value = execution.getVariableLocal(input);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	public static int requiredInt(DelegateExecution execution, String input) {
		String value = required(execution, input);
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName() + "' ("
					+ execution.getCurrentActivityId() + "): input parameter '" + input + "' must be a whole number, not '"
					+ value + "'");
		}
	}

}
