package io.touchpoints.onboarding;

import static io.touchpoints.process.DelegateInputs.required;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.sandbox.ModelBean;

/**
 * Before a journey waits for a milestone: has this onboarding reached it already (a usage event that came
 * early)? Input {@code milestone}; writes the local variable {@code milestoneReached}, which the model maps to a
 * variable of its own. Holds the onboarding's lock until the wait is in place, so no signal slips between.
 */
@ModelBean
@Component("checkMilestoneDelegate")
class CheckMilestoneDelegate implements JavaDelegate {

	private final Onboardings onboardings;

	private final Milestones milestones;

	CheckMilestoneDelegate(Onboardings onboardings, Milestones milestones) {
		this.onboardings = onboardings;
		this.milestones = milestones;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String milestone = required(execution, "milestone");
		Onboardings.Onboarding onboarding = OnboardingOf.process(onboardings, execution);
		onboardings.lock(onboarding.id());
		execution.setVariableLocal("milestoneReached", milestones.isReached(onboarding.id(), milestone));
	}

}
