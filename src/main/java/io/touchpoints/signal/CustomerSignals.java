package io.touchpoints.signal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.system.AsEngine;
import io.touchpoints.system.Retrying;

/**
 * Customer signals to the journeys that subscribe, in two steps, for every kind of signal: {@link #record} lets
 * each subscriber write what it counts in the publisher's transaction; once that has committed, {@link #send}
 * delivers to the journeys that wait, one short transaction each. A signal that arrives before its journey waits
 * is found by the journey's check; one lost between commit and delivery (a crash, a failure) is found again by
 * {@link #sweep}, which asks each subscriber what it recorded and has not delivered (a journey still waits for it,
 * or its delivery left no receipt).
 */
@Service
public class CustomerSignals {

	private static final Logger log = LoggerFactory.getLogger(CustomerSignals.class);

	private final List<SignalSubscriber> subscribers;

	private final RuntimeService runtimeService;

	private final AsEngine asEngine;

	private final TransactionTemplate transactions;

	CustomerSignals(List<SignalSubscriber> subscribers, @Lazy RuntimeService runtimeService, AsEngine asEngine,
			PlatformTransactionManager transactions) {
		this.subscribers = subscribers;
		this.runtimeService = runtimeService;
		this.asEngine = asEngine;
		this.transactions = new TransactionTemplate(transactions);
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
				log.warn("Signal '{}' for {} is recorded but did not reach the journey; the signal sweep will send it again",
						delivery.message(), delivery.target(), e);
			}
		}
	}

	/** Sends again what subscribers recorded and did not deliver; returns how many. */
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
		return transactions.execute(status -> {
			int reached = asEngine.callAsService(() -> correlation(delivery).correlateAllWithResult().size());
			if (!delivery.receipt().delivered(reached)) {
				status.setRollbackOnly();
				return 0;
			}
			return reached;
		});
	}

	private MessageCorrelationBuilder correlation(SignalDelivery delivery) {
		MessageCorrelationBuilder correlation = runtimeService.createMessageCorrelation(delivery.message());
		if (delivery.processInstanceId() != null) {
			return correlation.processInstanceId(delivery.processInstanceId())
				.localVariableEquals(delivery.waitVariable(), delivery.value());
		}
		return correlation.processInstanceBusinessKey(delivery.businessKey());
	}

}
