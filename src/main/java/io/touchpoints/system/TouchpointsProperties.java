package io.touchpoints.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the service itself ({@code touchpoints.*}); every one can be set by an environment variable,
 * for example {@code TOUCHPOINTS_ADMIN_PASSWORD}.
 */
@ConfigurationProperties("touchpoints")
public record TouchpointsProperties(
		@DefaultValue("processes") Path processesDir,
		@DefaultValue("templates") Path templatesDir,
		@DefaultValue("http://localhost:8080") URI publicBaseUrl,
		@DefaultValue Mail mail,
		@DefaultValue Jobs jobs,
		@DefaultValue CheckIns checkIns,
		@DefaultValue Tasks tasks,
		@DefaultValue Usage usage,
		@DefaultValue Admin admin,
		@DefaultValue Api api,
		@DefaultValue Security security) {

	/** How and when customers are emailed. */
	public record Mail(
			@DefaultValue("Touchpoints <no-reply@touchpoints.local>") String from,
			/** Customers are emailed only inside this window of their own local time. */
			@DefaultValue("08:00") LocalTime sendWindowStart,
			@DefaultValue("20:00") LocalTime sendWindowEnd,
			/** At most this many non-service emails per customer within {@link #frequencyCapPeriod}. */
			@DefaultValue("3") int frequencyCap,
			@DefaultValue("P7D") Duration frequencyCapPeriod,
			/** Signs unsubscribe links; generated once and shared through the database when not set. */
			String linkSecret,
			/** Addresses of the teams that internal notifications go to, by Camunda group id. */
			@DefaultValue Map<String, String> teamAddresses) {
	}

	/** Failed jobs (an email that SMTP refused, say) are retried after these intervals, then raise an incident. */
	public record Jobs(@DefaultValue("PT1M,PT5M,PT15M,PT1H,PT6H") String retryBackOff) {
	}

	/** Where check-ins may be placed: the customer's working hours, in their time zone. */
	public record CheckIns(
			@DefaultValue("09:00") LocalTime workdayStart,
			@DefaultValue("17:00") LocalTime workdayEnd,
			@DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> workdays) {
	}

	/** How overdue tasks are noticed. */
	public record Tasks(@DefaultValue("PT1M") Duration escalationSweepInterval) {
	}

	/**
	 * How often the daily-count deltas that ingestion appends are folded into the daily rows. Readers add the
	 * deltas in, so this bounds how many they add, not how fresh counts are.
	 */
	public record Usage(@DefaultValue("PT10S") Duration compactionInterval) {
	}

	/** The administrator account; without a password one is generated on first start and logged once. */
	public record Admin(@DefaultValue("admin") String user, String password) {
	}

	/**
	 * Request size limits, for every endpoint: {@code maxRequestSize} for all bodies but model deployments, which
	 * may be up to {@code maxDeploymentSize}.
	 */
	public record Api(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue("10MB") DataSize maxDeploymentSize) {
	}

	/**
	 * How failed logins are throttled: a client address may fail this many logins as one user, and this many as
	 * anyone, each refilled evenly over the window.
	 */
	public record Security(@DefaultValue("10") int failedLoginsPerClient, @DefaultValue("100") int failedLoginsPerAddress,
			@DefaultValue("PT10M") Duration failedLoginWindow) {
	}

}
