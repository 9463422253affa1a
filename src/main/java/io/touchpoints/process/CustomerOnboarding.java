package io.touchpoints.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts the {@code customer-onboarding} journey, keyed by the customer's reference. */
@Component
public class CustomerOnboarding {

	public static final String PROCESS_KEY = "customer-onboarding";

	private final RuntimeService runtimeService;

	CustomerOnboarding(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	/** What the journey needs to know about the purchase that starts it. */
	public record Start(String customerRef, String customerName, String purchaseId, String plan, boolean migrating) {
	}

	/** Starts the journey in the caller's transaction and returns the process instance id. */
	public String start(Start start) {
		return runtimeService.createProcessInstanceByKey(PROCESS_KEY)
			.businessKey(start.customerRef())
			.setVariable(ProcessVariables.CUSTOMER_REF, start.customerRef())
			.setVariable(ProcessVariables.CUSTOMER_NAME, start.customerName())
			.setVariable(ProcessVariables.PURCHASE_ID, start.purchaseId())
			.setVariable(ProcessVariables.PLAN, start.plan())
			.setVariable(ProcessVariables.MIGRATING, start.migrating())
			.execute()
			.getId();
	}

}
