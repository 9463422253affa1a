package io.touchpoints.helpdesk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often each node looks for tickets without a first response in time ({@code touchpoints.support});
 * {@code PT0S} turns it off. How long "in time" is comes from {@code support-targets.dmn}.
 */
@ConfigurationProperties("touchpoints.support")
public record SupportSettings(@DefaultValue("PT5M") Duration firstResponseSweepInterval) {
}
