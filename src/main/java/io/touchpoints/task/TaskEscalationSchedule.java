package io.touchpoints.task;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.touchpoints.system.TouchpointsProperties;

/** Runs the escalation sweep every {@code touchpoints.tasks.escalation-sweep-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TaskEscalationSchedule implements SchedulingConfigurer {

	private final TaskEscalations escalations;

	private final Duration interval;

	TaskEscalationSchedule(TaskEscalations escalations, TouchpointsProperties properties) {
		this.escalations = escalations;
		this.interval = properties.tasks().escalationSweepInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!interval.isZero() && !interval.isNegative()) {
			registrar.addFixedDelayTask(escalations::sweep, interval);
		}
	}

}
