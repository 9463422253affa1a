package io.touchpoints.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.touchpoints.system.AsEngine;
import io.touchpoints.system.Retrying;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Milestones reported by usage events, in two steps. {@link #record} writes the milestone on the customer's running
 * onboarding, in the caller's transaction. Once that has committed, {@link #send} correlates the
 * {@code MilestoneReached} message to the journey if it waits for that milestone, one short transaction per journey.
 * A journey that does not wait yet finds the milestone recorded when it gets there: it checks under the
 * onboarding's lock, which {@link #record} holds too, so the check sees either the milestone or a wait that the
 * signal reaches. A signal lost between commit and correlation (a crash, a failure) is sent again by
 * {@link MilestoneSignalSweep}.
 */
@Service
public class MilestoneSignals {

	public static final String MESSAGE = "MilestoneReached";

	/** The user task input (a local variable of its scope) that says which milestone the task waits for. */
	public static final String MILESTONE_VARIABLE = "milestone";

	private static final Logger log = LoggerFactory.getLogger(MilestoneSignals.class);

	private final Onboardings onboardings;

	private final Milestones milestones;

	private final RuntimeService runtimeService;

	private final Timeline timeline;

	private final AsEngine asEngine;

	MilestoneSignals(Onboardings onboardings, Milestones milestones, @Lazy RuntimeService runtimeService,
			Timeline timeline, AsEngine asEngine) {
		this.onboardings = onboardings;
		this.milestones = milestones;
		this.runtimeService = runtimeService;
		this.timeline = timeline;
		this.asEngine = asEngine;
	}

	/** A usage event reporting that a customer reached a milestone. */
	public record Report(long customerId, String milestone, Instant occurredAt, String eventId) {
	}

	/** A milestone recorded for a journey, to be sent to it once the recording has committed. */
	public record Signal(String processInstanceId, String milestone) {
	}

	/**
	 * Records the milestones on the customers' running onboardings; runs in the caller's transaction. Returns the
	 * signals to {@link #send} after commit: none for a customer with no onboarding running, nor for a milestone
	 * reached before.
	 */
	public List<Signal> record(List<Report> reports) {
		if (reports.isEmpty()) {
			return List.of();
		}
		Map<Long, Onboardings.Onboarding> running = onboardings
			.lockOpenOf(reports.stream().map(Report::customerId).collect(Collectors.toCollection(TreeSet::new)));
		List<Report> counting = reports.stream().filter(report -> running.containsKey(report.customerId())).toList();
		List<Boolean> recorded = milestones.recordAll(counting.stream().map(report -> {
			Onboardings.Onboarding onboarding = running.get(report.customerId());
			Instant at = report.occurredAt().isBefore(onboarding.startedAt()) ? onboarding.startedAt() : report.occurredAt();
			return new Milestones.Reached(onboarding.id(), report.milestone(), at, "usage event " + report.eventId());
		}).toList());
		List<Timeline.Entry> entries = new ArrayList<>();
		List<Signal> signals = new ArrayList<>();
		for (int i = 0; i < counting.size(); i++) {
			if (recorded.get(i)) {
				Report report = counting.get(i);
				Onboardings.Onboarding onboarding = running.get(report.customerId());
				entries.add(Timeline.Entry.of(report.customerId(), TimelineKind.MILESTONE_REACHED,
						"Milestone '" + report.milestone() + "' reached: usage event " + report.eventId())
					.processInstance(onboarding.processInstanceId())
					.reference(onboarding.id() + ":" + report.milestone()));
				signals.add(new Signal(onboarding.processInstanceId(), report.milestone()));
			}
		}
		timeline.recordAll(entries);
		return signals;
	}

	/**
	 * Moves each journey that waits for its recorded milestone on, each in a transaction of its own. Must run
	 * outside the transaction that recorded them: before it commits, the journey's check could not see them. A
	 * signal that fails is logged and left to the sweep, the others still go.
	 */
	public void send(List<Signal> signals) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Milestone signals are sent after the transaction that recorded them");
		}
		for (Signal signal : signals) {
			try {
				Retrying.onConcurrentWrite(() -> correlate(signal), OptimisticLockingException.class);
			}
			catch (RuntimeException e) {
				log.warn("Milestone '{}' of process instance {} is recorded but did not reach the journey; the milestone sweep will send it again",
						signal.milestone(), signal.processInstanceId(), e);
			}
		}
	}

	private int correlate(Signal signal) {
		return asEngine.callAsService(() -> runtimeService.createMessageCorrelation(MESSAGE)
			.processInstanceId(signal.processInstanceId())
			.localVariableEquals(MILESTONE_VARIABLE, signal.milestone())
			.correlateAllWithResult()
			.size());
	}

}
