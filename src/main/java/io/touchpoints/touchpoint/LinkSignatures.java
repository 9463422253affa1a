package io.touchpoints.touchpoint;

import java.security.MessageDigest;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Signatures for links in emails that act without a login (a survey answer, say), with the key that signs the
 * preference links. Each use names its purpose, which is signed too, so a signature made for one use is worthless
 * for another.
 */
@Component
public class LinkSignatures {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final LinkSecret secret;

	LinkSignatures(LinkSecret secret) {
		this.secret = secret;
	}

	/** A URL-safe signature of the message for this purpose. */
	public String sign(String purpose, String message) {
		return ENCODER.encodeToString(mac(purpose, message));
	}

	/** Whether the presented signature is this message's for this purpose; compared in constant time. */
	public boolean verify(String purpose, String message, String presented) {
		try {
			byte[] decoded = presented == null ? null : Base64.getUrlDecoder().decode(presented);
			// Only the canonical spelling: the decoder would ignore the last character's unused bits.
			return decoded != null && ENCODER.encodeToString(decoded).equals(presented)
					&& MessageDigest.isEqual(decoded, mac(purpose, message));
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}

	private byte[] mac(String purpose, String message) {
		return secret.mac("link:" + purpose + "\n" + message);
	}

}
