package io.touchpoints.onboarding;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.SubscriptionCancelled;
import io.touchpoints.process.ModelNames;
import io.touchpoints.system.AsEngine;

/** A cancelled subscription ends its onboarding: recorded as cancelled, and the journey told to stop. */
@Component
class OnboardingCancellation {

	private final Onboardings onboardings;

	private final RuntimeService runtimeService;

	private final AsEngine asEngine;

	OnboardingCancellation(Onboardings onboardings, @Lazy RuntimeService runtimeService, AsEngine asEngine) {
		this.onboardings = onboardings;
		this.runtimeService = runtimeService;
		this.asEngine = asEngine;
	}

	// After the lifecycle's listener: when the customer churned, their onboarding has already ended with the cycle.
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	void on(SubscriptionCancelled cancelled) {
		onboardings.ofPurchase(cancelled.purchaseId())
			.filter(onboarding -> onboardings.cancel(onboarding.id(), cancelled.at()))
			.ifPresent(onboarding -> asEngine.run(() -> runtimeService
				.createMessageCorrelation(ModelNames.SUBSCRIPTION_CANCELLED)
				.processInstanceId(onboarding.processInstanceId())
				.correlateAllWithResult()));
	}

}
