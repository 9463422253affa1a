package io.touchpoints.onboarding;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;
import io.touchpoints.system.TouchpointsProperties;

/** Runs the milestone sweep every {@code touchpoints.onboarding.milestone-sweep-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MilestoneSignalSchedule extends FixedDelaySchedule {

	MilestoneSignalSchedule(MilestoneSignalSweep sweep, TouchpointsProperties properties) {
		super(sweep::sweep, properties.onboarding().milestoneSweepInterval());
	}

}
