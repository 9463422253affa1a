package io.touchpoints.system;

import java.net.URI;
import java.nio.file.Path;

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
		@DefaultValue Admin admin,
		@DefaultValue Api api) {

	/** Sender of every email. */
	public record Mail(@DefaultValue("Touchpoints <no-reply@touchpoints.local>") String from) {
	}

	/** The administrator account; without a password one is generated on first start and logged once. */
	public record Admin(@DefaultValue("admin") String user, String password) {
	}

	/** Limits of the service's own API. */
	public record Api(@DefaultValue("1MB") DataSize maxRequestSize) {
	}

}
