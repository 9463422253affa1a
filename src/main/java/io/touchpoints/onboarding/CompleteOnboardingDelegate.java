package io.touchpoints.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.process.ProcessVariables;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/** Ends an onboarding whose checklist is complete: records when (the lifecycle then moves the customer on). */
@ModelBean
@Component("completeOnboardingDelegate")
class CompleteOnboardingDelegate implements JavaDelegate {

	private final Onboardings onboardings;

	private final LegacyStages legacyStages;

	private final Timeline timeline;

	private final Clock clock;

	CompleteOnboardingDelegate(Onboardings onboardings, LegacyStages legacyStages, Timeline timeline, Clock clock) {
		this.onboardings = onboardings;
		this.legacyStages = legacyStages;
		this.timeline = timeline;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Onboardings.Onboarding onboarding = OnboardingOf.process(onboardings, execution);
		Instant now = clock.instant();
		onboardings.complete(onboarding.id(), now);
		execution.setVariable(ProcessVariables.ONBOARDING_COMPLETED, true);
		if (execution.getSuperExecution() == null) {
			legacyStages.onboarded(onboarding.customerId());
		}
		Duration took = Duration.between(onboarding.startedAt(), now);
		timeline.record(Timeline.Entry.of(onboarding.customerId(), TimelineKind.ONBOARDING_COMPLETED,
				"Onboarding completed after " + String.format(Locale.ROOT, "%.1f", took.toMinutes() / 1440.0) + " days")
			.processInstance(onboarding.processInstanceId())
			.reference(onboarding.processInstanceId()));
	}

}
