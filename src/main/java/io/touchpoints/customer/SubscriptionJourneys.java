package io.touchpoints.customer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where journeys say which lifecycle a purchase joined; the purchase's answer shows it. */
@Service
public class SubscriptionJourneys {

	private final Subscriptions subscriptions;

	SubscriptionJourneys(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Transactional
	public void joinedLifecycle(String purchaseId, String processInstanceId) {
		subscriptions.joinedLifecycle(purchaseId, processInstanceId);
	}

}
