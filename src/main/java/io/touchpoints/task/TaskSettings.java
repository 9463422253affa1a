package io.touchpoints.task;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How overdue tasks are noticed, and how often the briefings of tasks falling due are renewed
 * ({@code touchpoints.tasks}).
 */
@ConfigurationProperties("touchpoints.tasks")
public record TaskSettings(@DefaultValue("PT1M") Duration escalationSweepInterval,
		@DefaultValue("PT1H") Duration briefingRenewalInterval) {
}
