package io.touchpoints.onboarding;

import org.springframework.stereotype.Component;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.LifecycleStage;
import io.touchpoints.customer.LifecycleStages;

/**
 * Onboardings started before the customer lifecycle existed run on their own, with no lifecycle to move the
 * customer on when they complete; for those alone, completing moves the customer to adoption as it used to.
 * Remove once no such onboarding runs (they end within their 400-day history window at the latest).
 */
@Component
class LegacyStages {

	private final CustomerRegistry customers;

	private final LifecycleStages stages;

	LegacyStages(CustomerRegistry customers, LifecycleStages stages) {
		this.customers = customers;
		this.stages = stages;
	}

	void onboarded(long customerId) {
		customers.findById(customerId)
			.ifPresent(customer -> stages.moveTo(customer, LifecycleStage.ADOPTION, "onboarding complete"));
	}

}
