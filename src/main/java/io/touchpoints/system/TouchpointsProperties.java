package io.touchpoints.system;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the service itself ({@code touchpoints.*}; each capability binds its own beside these); every one can be set by an environment variable,
 * for example {@code TOUCHPOINTS_ADMIN_PASSWORD}.
 */
@ConfigurationProperties("touchpoints")
public record TouchpointsProperties(
		@DefaultValue("http://localhost:8080") URI publicBaseUrl,
		@DefaultValue Jobs jobs,
		@DefaultValue Admin admin,
		@DefaultValue Api api,
		@DefaultValue Security security) {

	/** Tasklist as people reach it: its start page, to which {@code #/?task=<id>} adds one task. */
	public String tasklistUrl() {
		return publicBaseUrl.toString().replaceAll("/+$", "") + "/camunda/app/tasklist/default/";
	}

	/** Failed jobs (an email that SMTP refused, say) are retried after these intervals, then raise an incident. */
	public record Jobs(@DefaultValue("PT1M,PT5M,PT15M,PT1H,PT6H") String retryBackOff) {
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
