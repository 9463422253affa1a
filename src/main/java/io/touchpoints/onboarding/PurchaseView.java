package io.touchpoints.onboarding;

import io.touchpoints.customer.Subscription;

/** The answer to a purchase: which journey it started (or had already started). */
record PurchaseView(String customerRef, String purchaseId, String processInstanceId) {

	static PurchaseView of(String customerRef, Subscription subscription) {
		return new PurchaseView(customerRef, subscription.getPurchaseId(), subscription.getProcessInstanceId());
	}

}
