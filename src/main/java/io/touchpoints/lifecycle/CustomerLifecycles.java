package io.touchpoints.lifecycle;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.SubscriptionRenewed;
import io.touchpoints.customer.SubscriptionStarted;
import io.touchpoints.process.ModelNames;
import io.touchpoints.process.ProcessVariables;
import io.touchpoints.system.AsEngine;

/**
 * The {@code customer-lifecycle} process, one per customer, keyed by the customer's reference. Everything here runs
 * as the engine: a purchase or a cancellation is billing's decision, and the calling account's permissions do not
 * limit what the lifecycle does with it.
 */
@Component
class CustomerLifecycles {

	/** Where a customer who was never in a lifecycle joins it when they churn (onboarded before it existed). */
	static final String WINBACK_ACTIVITY = "ServiceTask_MoveToWinback";

	private final RuntimeService runtimeService;

	private final AsEngine asEngine;

	CustomerLifecycles(@Lazy RuntimeService runtimeService, AsEngine asEngine) {
		this.runtimeService = runtimeService;
		this.asEngine = asEngine;
	}

	Optional<String> runningOf(String customerRef) {
		return Optional.ofNullable(asEngine.call(() -> runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE)
			.processInstanceBusinessKey(customerRef)
			.singleResult())).map(ProcessInstance::getId);
	}

	/** Starts the customer's lifecycle with the purchase that begins it; answers the process instance id. */
	String start(SubscriptionStarted purchase) {
		return asEngine.call(() -> runtimeService.createProcessInstanceByKey(ModelNames.CUSTOMER_LIFECYCLE)
			.businessKey(purchase.customerRef())
			.setVariables(variablesOf(purchase))
			.execute()
			.getId());
	}

	/** Brings a churned customer back: true when their lifecycle was waiting for a purchase. */
	boolean reenter(SubscriptionStarted purchase) {
		return !asEngine.call(() -> runtimeService.createMessageCorrelation(ModelNames.SUBSCRIPTION_STARTED)
			.processInstanceBusinessKey(purchase.customerRef())
			.setVariables(variablesOf(purchase))
			.correlateAllWithResult()).isEmpty();
	}

	/** Tells the lifecycle of a renewal; nothing when it is not waiting for one (still onboarding, say). */
	void renewed(SubscriptionRenewed renewal) {
		runningOf(renewal.customerRef()).ifPresent(lifecycle -> asEngine.run(() -> runtimeService
			.createMessageCorrelation(ModelNames.SUBSCRIPTION_RENEWED)
			.processInstanceId(lifecycle)
			.correlateAllWithResult()));
	}

	/** Ends everything of the customer's current cycle: their journeys and their open follow-up tasks. */
	void churn(String customerRef) {
		asEngine.run(() -> runtimeService.createMessageCorrelation(ModelNames.CUSTOMER_CHURNED)
			.processInstanceBusinessKey(customerRef)
			.correlateAllWithResult());
	}

	/** A customer onboarded before lifecycles existed joins theirs at win-back. */
	String startAtWinback(String customerRef, String customerName) {
		return asEngine.call(() -> runtimeService.createProcessInstanceByKey(ModelNames.CUSTOMER_LIFECYCLE)
			.businessKey(customerRef)
			.setVariable(ProcessVariables.CUSTOMER_REF, customerRef)
			.setVariable(ProcessVariables.CUSTOMER_NAME, customerName)
			.startBeforeActivity(WINBACK_ACTIVITY)
			.execute()
			.getId());
	}

	private static Map<String, Object> variablesOf(SubscriptionStarted purchase) {
		return Map.of(ProcessVariables.CUSTOMER_REF, purchase.customerRef(), ProcessVariables.CUSTOMER_NAME,
				purchase.customerName(), ProcessVariables.PURCHASE_ID, purchase.purchaseId(), ProcessVariables.PLAN,
				purchase.plan(), ProcessVariables.MIGRATING, purchase.migrating());
	}

}
