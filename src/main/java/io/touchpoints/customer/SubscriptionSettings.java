package io.touchpoints.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often each node ends the subscriptions whose term ended after a cancellation ({@code touchpoints.subscriptions});
 * {@code PT0S} turns it off. A term ends at the start of its end date in the customer's time zone.
 */
@ConfigurationProperties("touchpoints.subscriptions")
public record SubscriptionSettings(@DefaultValue("PT15M") Duration termEndSweepInterval) {
}
