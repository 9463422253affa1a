package io.touchpoints.system;

import java.time.Duration;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs a sweep of the service on every node, each run starting {@code interval} after the last one ended. A zero
 * interval turns the sweep off, which tests use to run it themselves at the engine time they set.
 */
public abstract class FixedDelaySchedule implements SchedulingConfigurer {

	private final Runnable sweep;

	private final Duration interval;

	protected FixedDelaySchedule(Runnable sweep, Duration interval) {
		this.sweep = sweep;
		this.interval = interval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!interval.isZero() && !interval.isNegative()) {
			registrar.addFixedDelayTask(sweep, interval);
		}
	}

}
