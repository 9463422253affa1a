package io.touchpoints.usage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the daily-count deltas that ingestion appends are folded into the daily rows
 * ({@code touchpoints.usage}). Readers add the deltas in, so this bounds how many they add, not how fresh counts are.
 */
@ConfigurationProperties("touchpoints.usage")
public record UsageSettings(@DefaultValue("PT10S") Duration compactionInterval) {
}
