package io.touchpoints.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A customer as the API shows it, with its subscriptions. */
record CustomerView(String externalRef, String name, String email, String locale, String timeZone, String tier,
		BigDecimal annualValue, LifecycleStage stage, Instant createdAt, Instant updatedAt,
		List<SubscriptionView> subscriptions) {

	static CustomerView of(Customer customer, List<Subscription> subscriptions) {
		return new CustomerView(customer.getExternalRef(), customer.getName(), customer.getEmail(),
				customer.getLocale(), customer.getTimeZone(), customer.getTier(), customer.getAnnualValue(),
				customer.getStage(), customer.getCreatedAt(), customer.getUpdatedAt(),
				subscriptions.stream().map(SubscriptionView::of).toList());
	}

}
