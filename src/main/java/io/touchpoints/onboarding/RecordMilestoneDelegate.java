package io.touchpoints.onboarding;

import static io.touchpoints.process.DelegateInputs.required;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Records that a person reached milestone {@code milestone} for the customer (they completed its task), unless a
 * usage event reached it first.
 */
@ModelBean
@Component("recordMilestoneDelegate")
class RecordMilestoneDelegate implements JavaDelegate {

	private final Onboardings onboardings;

	private final Milestones milestones;

	private final Timeline timeline;

	private final Clock clock;

	RecordMilestoneDelegate(Onboardings onboardings, Milestones milestones, Timeline timeline, Clock clock) {
		this.onboardings = onboardings;
		this.milestones = milestones;
		this.timeline = timeline;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String milestone = required(execution, "milestone");
		Onboardings.Onboarding onboarding = OnboardingOf.process(onboardings, execution);
		onboardings.lock(onboarding.id());
		Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String who = user == null ? "a person" : user.getUserId();
		Instant now = clock.instant();
		if (milestones.record(new Milestones.Reached(onboarding.id(), milestone, now, "task completed by " + who))) {
			timeline.record(Timeline.Entry.of(onboarding.customerId(), TimelineKind.MILESTONE_REACHED,
					"Milestone '" + milestone + "' reached: task completed by " + who)
				.actor(user == null ? null : who)
				.processInstance(onboarding.processInstanceId())
				.reference(onboarding.id() + ":" + milestone));
		}
	}

}
