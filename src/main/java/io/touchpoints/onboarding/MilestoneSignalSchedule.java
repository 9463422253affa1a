package io.touchpoints.onboarding;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.touchpoints.system.TouchpointsProperties;

/** Runs the milestone sweep every {@code touchpoints.onboarding.milestone-sweep-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MilestoneSignalSchedule implements SchedulingConfigurer {

	private final MilestoneSignalSweep sweep;

	private final Duration interval;

	MilestoneSignalSchedule(MilestoneSignalSweep sweep, TouchpointsProperties properties) {
		this.sweep = sweep;
		this.interval = properties.onboarding().milestoneSweepInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!interval.isZero() && !interval.isNegative()) {
			registrar.addFixedDelayTask(sweep::sweep, interval);
		}
	}

}
