package io.touchpoints.task;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;

/** Runs the escalation sweep every {@code touchpoints.tasks.escalation-sweep-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TaskEscalationSchedule extends FixedDelaySchedule {

	TaskEscalationSchedule(TaskEscalations escalations, TaskSettings properties) {
		super(escalations::sweep, properties.escalationSweepInterval());
	}

}
