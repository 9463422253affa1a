package io.touchpoints.onboarding;

import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import io.touchpoints.system.AsEngine;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Milestones reported by usage events. The milestone is recorded on the customer's running onboarding and,
 * when the journey is already waiting for it, the {@code MilestoneReached} message moves the journey on. A
 * journey not yet waiting finds the milestone recorded when it gets there: both sides hold the onboarding's lock,
 * so a signal cannot fall between the journey's check and its wait.
 */
@Service
public class MilestoneSignals {

	public static final String MESSAGE = "MilestoneReached";

	/** The user task input (a local variable of its scope) that says which milestone the task waits for. */
	public static final String MILESTONE_VARIABLE = "milestone";

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

	/**
	 * Records that the customer reached a milestone; runs in the caller's transaction. False when the customer has
	 * no onboarding running, so there is nothing the milestone could count for.
	 */
	public boolean reached(long customerId, String milestone, Instant occurredAt, String eventId) {
		var running = onboardings.lockOpenOf(customerId);
		if (running.isEmpty()) {
			return false;
		}
		Onboardings.Onboarding onboarding = running.get();
		Instant at = occurredAt.isBefore(onboarding.startedAt()) ? onboarding.startedAt() : occurredAt;
		if (milestones.record(onboarding.id(), milestone, at, "usage event " + eventId)) {
			timeline.record(Timeline.Entry.of(customerId, TimelineKind.MILESTONE_REACHED,
					"Milestone '" + milestone + "' reached: usage event " + eventId)
				.processInstance(onboarding.processInstanceId())
				.reference(onboarding.id() + ":" + milestone));
			asEngine.run(() -> runtimeService.createMessageCorrelation(MESSAGE)
				.processInstanceId(onboarding.processInstanceId())
				.localVariableEquals(MILESTONE_VARIABLE, milestone)
				.correlateAllWithResult());
		}
		return true;
	}

}
