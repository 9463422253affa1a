package io.touchpoints.signal;

/**
 * Where a recorded signal goes once its recording has committed: {@code message}, to the executions of the process
 * instance whose local {@code waitVariable} equals {@code value} (a user task waiting for that milestone, say).
 */
public record SignalDelivery(String processInstanceId, String message, String waitVariable, String value) {
}
