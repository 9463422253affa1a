package io.touchpoints.task;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;

/** Renews the briefings of tasks falling due every {@code touchpoints.tasks.briefing-renewal-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TaskBriefingSchedule extends FixedDelaySchedule {

	TaskBriefingSchedule(TaskBriefings briefings, TaskSettings properties) {
		super(briefings::renewDue, properties.briefingRenewalInterval());
	}

}
