package io.touchpoints.renewal;

import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.Subscription;
import io.touchpoints.customer.Subscriptions;
import io.touchpoints.process.ProcessVariables;

/** The subscription and customer a renewal journey is about, read fresh from the database (billing may have moved its date). */
@Component
class RenewingSubscription {

	private final Subscriptions subscriptions;

	private final CustomerRegistry customers;

	RenewingSubscription(Subscriptions subscriptions, CustomerRegistry customers) {
		this.subscriptions = subscriptions;
		this.customers = customers;
	}

	/** A subscription with its customer and their time zone. */
	record Of(Subscription subscription, Customer customer) {

		ZoneId zone() {
			return ZoneId.of(customer.getTimeZone());
		}

	}

	Of of(DelegateExecution execution) {
		return of((String) execution.getVariable(ProcessVariables.PURCHASE_ID));
	}

	Of of(String purchaseId) {
		return with(subscriptions.findByPurchaseId(purchaseId), purchaseId);
	}

	/** The same, with the subscription locked until the transaction ends, so that nobody changes it meanwhile. */
	Of locked(String purchaseId) {
		return with(subscriptions.lockByPurchaseId(purchaseId), purchaseId);
	}

	private Of with(java.util.Optional<Subscription> found, String purchaseId) {
		Subscription subscription = found
			.orElseThrow(() -> new IllegalStateException("The renewal journey's subscription '" + purchaseId + "' is gone"));
		Customer customer = customers.findById(subscription.getCustomerId().getId()).orElseThrow();
		return new Of(subscription, customer);
	}

}
