package io.touchpoints.helpdesk;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;

/** Looks for tickets without a first response in time every {@code touchpoints.support.first-response-sweep-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UnansweredTicketsSchedule extends FixedDelaySchedule {

	UnansweredTicketsSchedule(UnansweredTickets tickets, SupportSettings settings) {
		super(tickets::sweep, settings.firstResponseSweepInterval());
	}

}
