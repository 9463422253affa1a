package io.touchpoints.touchpoint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.touchpoints.system.TouchpointsProperties;

/**
 * Signed links to a customer's email preferences. The token names the customer and the category of the email
 * it came in, and carries an HMAC, so it cannot be guessed or altered; it does not expire, because an unsubscribe
 * link must keep working as long as the email exists.
 */
@Component
class PreferenceLinks {

	static final String PATH = "/email-preferences/";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final LinkSecret secret;

	private final URI base;

	PreferenceLinks(LinkSecret secret, TouchpointsProperties properties) {
		this.secret = secret;
		this.base = properties.publicBaseUrl();
	}

	/** Whose preferences a valid token opens, and the category of the email it came in. */
	record Subject(String customerRef, EmailCategory category) {
	}

	String token(String customerRef, EmailCategory category) {
		return ENCODER.encodeToString(customerRef.getBytes(StandardCharsets.UTF_8)) + "." + category.value() + "."
				+ ENCODER.encodeToString(signature(customerRef, category));
	}

	String page(String customerRef, EmailCategory category) {
		return url(token(customerRef, category));
	}

	/** The RFC 8058 one-click unsubscribe address. */
	String oneClick(String customerRef, EmailCategory category) {
		return url(token(customerRef, category)) + "/unsubscribe";
	}

	Optional<Subject> verify(String token) {
		String[] parts = token == null ? new String[0] : token.split("\\.", -1);
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			String customerRef = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
			Optional<EmailCategory> category = EmailCategory.of(parts[1]).filter(EmailCategory::isOptional);
			byte[] presented = Base64.getUrlDecoder().decode(parts[2]);
			if (category.isEmpty() || !MessageDigest.isEqual(presented, signature(customerRef, category.get()))) {
				return Optional.empty();
			}
			return Optional.of(new Subject(customerRef, category.get()));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

	private String url(String token) {
		return base.toString().replaceAll("/+$", "") + PATH + token;
	}

	private byte[] signature(String customerRef, EmailCategory category) {
		return secret.mac(customerRef + "\n" + category.value());
	}

}
