package io.touchpoints.system.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user and password of an HTTP Basic {@code Authorization} header. */
public record BasicCredentials(String userId, String password) {

	/** The credentials the header carries; empty when it carries none or malformed ones. */
	public static Optional<BasicCredentials> of(String authorizationHeader) {
		if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
		int colon = decoded.indexOf(':');
		return colon <= 0 ? Optional.empty()
				: Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
	}

}
