package io.touchpoints.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every integration test starts on a Monday morning by the engine's clock, whatever the hour the build runs at:
 * emails respect customers' quiet hours, so a test at 3 a.m. would otherwise see them deferred. The clock is
 * reset after each test.
 */
public class EngineTime implements BeforeEachCallback, AfterEachCallback {

	/** Monday 2026-11-23 10:00 UTC: 11:00 in Madrid, 19:00 in Tokyo. */
	public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T10:00:00Z");

	public static void set(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	public static void advance(Duration duration) {
		set(now().plus(duration));
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		set(MONDAY_MORNING);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ClockUtil.reset();
	}

}
