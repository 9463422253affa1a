package io.touchpoints.touchpoint;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


/**
 * The key that signs links in emails. Configured, or generated on first use and kept in the database, so every
 * node of a cluster signs and checks with the same key and links keep working across restarts.
 */
@Component
class LinkSecret {

	private static final String NAME = "mail-link-secret";

	private final JdbcTemplate jdbc;

	private final String configured;

	private volatile byte[] key;

	LinkSecret(JdbcTemplate jdbc, EmailSettings properties) {
		this.jdbc = jdbc;
		this.configured = properties.mail().linkSecret();
	}

	byte[] key() {
		if (key == null) {
			key = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
					: Base64.getDecoder().decode(storedOrNew());
		}
		return key;
	}

	private String storedOrNew() {
		List<String> stored = jdbc.queryForList("select secret_value from service_secret where secret_name = ?", String.class, NAME);
		if (!stored.isEmpty()) {
			return stored.get(0);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		try {
			jdbc.update("insert into service_secret (secret_name, secret_value) values (?, ?)", NAME,
					Base64.getEncoder().encodeToString(random));
		}
		catch (DuplicateKeyException anotherNodeWasFirst) {
			// Use the winner's key.
		}
		return jdbc.queryForObject("select secret_value from service_secret where secret_name = ?", String.class, NAME);
	}

}
