package io.touchpoints.usage;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;

/** Runs the usage compaction every {@code touchpoints.usage.compaction-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UsageCompactionSchedule extends FixedDelaySchedule {

	UsageCompactionSchedule(UsageCompaction compaction, UsageSettings properties) {
		super(compaction::compact, properties.compactionInterval());
	}

}
