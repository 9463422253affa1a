package io.touchpoints.onboarding;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.process.ProcessVariables;
import io.touchpoints.system.AsEngine;

/** Starts the {@code customer-onboarding} journey, keyed by the customer's reference, and records the onboarding. */
@Component
public class CustomerOnboarding {

	public static final String PROCESS_KEY = "customer-onboarding";

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

	/** What the journey needs to know about the purchase that starts it. */
	public record Start(long customerId, String customerRef, String customerName, String purchaseId, String plan,
			boolean migrating) {
	}

	/** Starts the journey in the caller's transaction and returns the process instance id. */
	public String start(Start start) {
		// The purchase is billing's decision, not the integration account's: its permissions do not limit the journey.
		String processInstanceId = asEngine.call(() -> runtimeService.createProcessInstanceByKey(PROCESS_KEY)
			.businessKey(start.customerRef())
			.setVariable(ProcessVariables.CUSTOMER_REF, start.customerRef())
			.setVariable(ProcessVariables.CUSTOMER_NAME, start.customerName())
			.setVariable(ProcessVariables.PURCHASE_ID, start.purchaseId())
			.setVariable(ProcessVariables.PLAN, start.plan())
			.setVariable(ProcessVariables.MIGRATING, start.migrating())
			.execute()
			.getId());
		onboardings.record(start.customerId(), start.purchaseId(), processInstanceId, clock.instant());
		return processInstanceId;
	}

}
