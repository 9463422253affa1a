package io.touchpoints.signal;

import java.util.List;

/**
 * A journey that counts customer signals. Each subscriber keeps its own record of what counted (the journey's own
 * check reads it, so a signal that arrives before the journey waits still counts) and says what to deliver.
 */
public interface SignalSubscriber {

	/**
	 * Records the signals this journey counts, in the publisher's transaction and under the journey's own lock (the
	 * lock its check takes too, so a racing check sees either the record or a wait the delivery reaches).
	 * Answers what to deliver once that transaction has committed.
	 */
	List<SignalDelivery> record(List<CustomerSignal> signals);

	/**
	 * Signals recorded and not delivered (their journey still waits for them, or no receipt marks them delivered):
	 * their delivery was lost to a crash or a failure.
	 */
	List<SignalDelivery> undelivered();

}
