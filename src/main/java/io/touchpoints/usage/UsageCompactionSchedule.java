package io.touchpoints.usage;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.touchpoints.system.TouchpointsProperties;

/** Runs the usage compaction every {@code touchpoints.usage.compaction-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UsageCompactionSchedule implements SchedulingConfigurer {

	private final UsageCompaction compaction;

	private final Duration interval;

	UsageCompactionSchedule(UsageCompaction compaction, TouchpointsProperties properties) {
		this.compaction = compaction;
		this.interval = properties.usage().compactionInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!interval.isZero() && !interval.isNegative()) {
			registrar.addFixedDelayTask(compaction::compact, interval);
		}
	}

}
