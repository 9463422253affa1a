package io.touchpoints.process;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

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

	/** A time of day such as {@code 09:00}; {@code fallback} when the input is empty. */
	public static LocalTime optionalTime(DelegateExecution execution, String input, LocalTime fallback) {
		String value = optional(execution, input);
		try {
			return value == null ? fallback : LocalTime.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName() + "' ("
					+ execution.getCurrentActivityId() + "): input parameter '" + input
					+ "' must be a time of day such as 09:00, not '" + value + "'");
		}
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
