package io.touchpoints.touchpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * The key that signs links in emails. Configured, or generated on first use and kept in the database, so every
 * node of a cluster signs and checks with the same key and links keep working across restarts. The first use
 * usually comes inside a journey's transaction, and nodes (or job threads) may race for it: the key is read and
 * stored in transactions of its own, because on PostgreSQL the loser's failed insert would abort the journey's.
 */
@Component
class LinkSecret {

	private static final String NAME = "mail-link-secret";

	private final JdbcTemplate jdbc;

	private static final int SIGNATURE_BYTES = 16;

	private final String configured;

	private final TransactionTemplate ownTransaction;

	private volatile byte[] key;

	LinkSecret(JdbcTemplate jdbc, EmailSettings properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.configured = properties.mail().linkSecret();
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The first 128 bits of the message's HMAC-SHA256 under this key: what every signed link carries. */
	byte[] mac(String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)), SIGNATURE_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	byte[] key() {
		if (key == null) {
			key = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
					: Base64.getDecoder().decode(storedOrNew());
		}
		return key;
	}

	private String storedOrNew() {
		List<String> stored = ownTransaction.execute(status -> jdbc
			.queryForList("select secret_value from service_secret where secret_name = ?", String.class, NAME));
		if (!stored.isEmpty()) {
			return stored.get(0);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.update(
					"insert into service_secret (secret_name, secret_value) values (?, ?)", NAME,
					Base64.getEncoder().encodeToString(random)));
		}
		catch (DuplicateKeyException anotherWasFirst) {
			// Use the winner's key.
		}
		return ownTransaction.execute(status -> jdbc
			.queryForObject("select secret_value from service_secret where secret_name = ?", String.class, NAME));
	}

}
