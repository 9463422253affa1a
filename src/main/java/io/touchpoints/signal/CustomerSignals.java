package io.touchpoints.signal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.touchpoints.system.AsEngine;
import io.touchpoints.system.Retrying;

/**
 * Customer signals to the journeys that subscribe, in two steps, for every kind of signal: {@link #record} lets
 * each subscriber write what it counts in the publisher's transaction; once that has committed, {@link #send}
 * delivers to the journeys that wait, one short transaction each. A signal that arrives before its journey waits
 * is found by the journey's check; one lost between commit and delivery (a crash, a failure) is found again by
 * {@link #sweep}, which asks each subscriber what it recorded that a journey still waits for.
 */
@Service
public class CustomerSignals {

	private static final Logger log = LoggerFactory.getLogger(CustomerSignals.class);

	private final List<SignalSubscriber> subscribers;

	private final RuntimeService runtimeService;

	private final AsEngine asEngine;

	CustomerSignals(List<SignalSubscriber> subscribers, @Lazy RuntimeService runtimeService, AsEngine asEngine) {
		this.subscribers = subscribers;
		this.runtimeService = runtimeService;
		this.asEngine = asEngine;
	}

	/** Lets every subscriber record the signals; runs in the caller's transaction. Returns what to {@link #send}. */
	public List<SignalDelivery> record(List<CustomerSignal> signals) {
		if (signals.isEmpty()) {
			return List.of();
		}
		List<SignalDelivery> deliveries = new ArrayList<>();
		subscribers.forEach(subscriber -> deliveries.addAll(subscriber.record(signals)));
		return deliveries;
	}

	/**
	 * Delivers each signal to the journey waiting for it, each in a transaction of its own. Must run after the
	 * transaction that recorded them: before it commits, a journey's check could not see them. A delivery that
	 * fails is logged and left to the sweep; the others still go.
	 */
	public void send(List<SignalDelivery> deliveries) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Signals are sent after the transaction that recorded them");
		}
		for (SignalDelivery delivery : deliveries) {
			try {
				Retrying.onConcurrentWrite(() -> deliver(delivery), OptimisticLockingException.class);
			}
			catch (RuntimeException e) {
				log.warn("Signal '{}' for process instance {} is recorded but did not reach the journey; the signal sweep "
						+ "will send it again", delivery.value(), delivery.processInstanceId(), e);
			}
		}
	}

	/** Sends again what subscribers recorded and their journeys still wait for; returns how many. */
	public int sweep() {
		List<SignalDelivery> undelivered = new ArrayList<>();
		subscribers.forEach(subscriber -> undelivered.addAll(subscriber.undelivered()));
		if (!undelivered.isEmpty()) {
			log.warn("{} recorded signal(s) had not reached their waiting journey; sending them again", undelivered.size());
			send(undelivered);
		}
		return undelivered.size();
	}

	private int deliver(SignalDelivery delivery) {
		return asEngine.callAsService(() -> runtimeService.createMessageCorrelation(delivery.message())
			.processInstanceId(delivery.processInstanceId())
			.localVariableEquals(delivery.waitVariable(), delivery.value())
			.correlateAllWithResult()
			.size());
	}

}
