package io.touchpoints.customer;


/** The answer to a purchase: the customer's lifecycle it started or joined. */
record PurchaseView(String customerRef, String purchaseId, String processInstanceId) {

	static PurchaseView of(String customerRef, Subscription subscription) {
		return new PurchaseView(customerRef, subscription.getPurchaseId(), subscription.getProcessInstanceId());
	}

}
