package io.touchpoints.signal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;

/** Runs the signal sweep every {@code touchpoints.signals.sweep-interval}; {@code PT0S} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SignalSweepSchedule extends FixedDelaySchedule {

	SignalSweepSchedule(CustomerSignals signals, @Value("${touchpoints.signals.sweep-interval:PT1M}") Duration interval) {
		super(signals::sweep, interval);
	}

}
