package io.touchpoints.onboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The onboarding a journey's delegate works on: the one its process instance records. */
final class OnboardingOf {

	private OnboardingOf() {
	}

	static Onboardings.Onboarding process(Onboardings onboardings, DelegateExecution execution) {
		return onboardings.ofProcessInstance(execution.getProcessInstanceId())
			.orElseThrow(() -> new IllegalStateException("Service task '" + execution.getCurrentActivityName()
					+ "' runs in process instance " + execution.getProcessInstanceId()
					+ ", which is not an onboarding started by a purchase"));
	}

}
