package io.touchpoints.task;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;
import io.touchpoints.system.TouchpointsProperties;

/** Runs the escalation sweep every {@code touchpoints.tasks.escalation-sweep-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TaskEscalationSchedule extends FixedDelaySchedule {

	TaskEscalationSchedule(TaskEscalations escalations, TouchpointsProperties properties) {
		super(escalations::sweep, properties.tasks().escalationSweepInterval());
	}

}
