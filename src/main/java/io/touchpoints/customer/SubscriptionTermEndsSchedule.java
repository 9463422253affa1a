package io.touchpoints.customer;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;

/** Ends subscriptions whose term ended after a cancellation, every {@code touchpoints.subscriptions.term-end-sweep-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubscriptionTermEndsSchedule extends FixedDelaySchedule {

	SubscriptionTermEndsSchedule(SubscriptionTermEnds termEnds, SubscriptionSettings settings) {
		super(termEnds::sweep, settings.termEndSweepInterval());
	}

}
