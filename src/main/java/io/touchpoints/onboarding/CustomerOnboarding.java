package io.touchpoints.onboarding;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.SubscriptionStarted;
import io.touchpoints.process.ModelNames;
import io.touchpoints.process.ProcessVariables;
import io.touchpoints.system.AsEngine;

/**
 * Records each {@code customer-onboarding} journey that a purchase started (the lifecycle calls it), for the
 * onboarding metrics and for cancellation. An expansion starts no onboarding, so there is nothing to record.
 */
@Component
class CustomerOnboarding {

	private final RuntimeService runtimeService;

	private final Onboardings onboardings;

	private final AsEngine asEngine;

	private final Clock clock;

	CustomerOnboarding(@Lazy RuntimeService runtimeService, Onboardings onboardings, AsEngine asEngine, Clock clock) {
		this.runtimeService = runtimeService;
		this.onboardings = onboardings;
		this.asEngine = asEngine;
		this.clock = clock;
	}

	// After the lifecycle's listener, which started the journey in this transaction.
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	void on(SubscriptionStarted purchase) {
		ProcessInstance started = asEngine.call(() -> runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING)
			.processInstanceBusinessKey(purchase.customerRef())
			.variableValueEquals(ProcessVariables.PURCHASE_ID, purchase.purchaseId())
			.singleResult());
		if (started != null && onboardings.ofProcessInstance(started.getId()).isEmpty()) {
			onboardings.record(purchase.customerId(), purchase.purchaseId(), started.getId(), clock.instant());
		}
	}

}
