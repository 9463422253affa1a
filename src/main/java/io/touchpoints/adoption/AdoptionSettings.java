package io.touchpoints.adoption;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often each node asks whether today's adoption evaluation has run ({@code touchpoints.adoption}); the first
 * node to ask on a new UTC day runs it, the others find it done. {@code PT0S} turns the daily run off (the API still
 * evaluates on demand).
 */
@ConfigurationProperties("touchpoints.adoption")
public record AdoptionSettings(@DefaultValue("PT15M") Duration evaluationCheckInterval) {
}
