package io.touchpoints.signal;

/**
 * Where a recorded signal goes once its recording has committed, as {@code message}: either to the executions of a
 * process instance whose local {@code waitVariable} equals {@code value} (a user task waiting for that milestone,
 * say; {@link #toWaiting}), or to the customer's journey that starts something on it, found by the customer's
 * reference as business key ({@link #toStart}: an event sub-process). The {@code receipt} runs in the delivery's
 * transaction: a subscriber that must know what was delivered (a start leaves nothing waiting behind to tell)
 * marks it there, and answers false when another node delivered it first, which undoes this delivery.
 */
public record SignalDelivery(String processInstanceId, String businessKey, String message, String waitVariable,
		String value, Receipt receipt) {

	/** What a subscriber does with a delivery in the delivery's transaction; {@code reached} executions took it. */
	@FunctionalInterface
	public interface Receipt {

		Receipt NONE = reached -> true;

		/** False when the signal had been delivered before: this delivery is rolled back. */
		boolean delivered(int reached);

	}

	public static SignalDelivery toWaiting(String processInstanceId, String message, String waitVariable, String value) {
		return new SignalDelivery(processInstanceId, null, message, waitVariable, value, Receipt.NONE);
	}

	public static SignalDelivery toStart(String businessKey, String message, Receipt receipt) {
		return new SignalDelivery(null, businessKey, message, null, null, receipt);
	}

	/** For the log: what the delivery is for. */
	String target() {
		return processInstanceId != null ? "process instance " + processInstanceId + " (" + value + ")"
				: "the journeys of customer " + businessKey;
	}

}
