package io.touchpoints.survey;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import io.touchpoints.system.TouchpointsProperties;
import io.touchpoints.touchpoint.LinkSignatures;

/**
 * Cross-site request forgery protection for the survey pages' forms (a signed double-submit cookie): the page
 * sets a random cookie that only this site can read (HttpOnly) and that no other site's POST carries
 * (SameSite=Lax), and puts into its form a signature of that cookie and the invitation. A POST counts only when the
 * form's field matches the cookie it arrived with, so another site can neither make a customer's browser answer
 * nor reuse one page's form for another invitation. Lax rather than Strict: a click in webmail is a cross-site
 * navigation, and with Strict each click would replace the cookie and break the survey pages open in other tabs.
 */
@Component
class SurveyForms {

	static final String COOKIE = "touchpoints-survey";

	static final String FIELD = "csrf";

	private static final String PURPOSE = "survey-form";

	private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final LinkSignatures signatures;

	private final boolean publicAddressIsHttps;

	SurveyForms(LinkSignatures signatures, TouchpointsProperties properties) {
		this.signatures = signatures;
		this.publicAddressIsHttps = "https".equalsIgnoreCase(properties.publicBaseUrl().getScheme());
	}

	/** The browser's form cookie, or a new one when it has none; {@link #cookie} sets it. */
	String browserKey(HttpServletRequest request) {
		return presented(request).orElseGet(() -> {
			byte[] random = new byte[16];
			RANDOM.nextBytes(random);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		});
	}

	ResponseCookie cookie(String browserKey, HttpServletRequest request) {
		return ResponseCookie.from(COOKIE, browserKey)
			.path(SurveyLinks.PATH)
			.httpOnly(true)
			// Behind a TLS-terminating proxy the request itself may look like plain HTTP.
			.secure(request.isSecure() || publicAddressIsHttps)
			.sameSite("Lax")
			.build();
	}

	/** The form field that goes with the cookie, for this invitation. */
	String field(String browserKey, String invitationId) {
		return signatures.sign(PURPOSE, browserKey + "\n" + invitationId);
	}

	boolean accepts(HttpServletRequest request, String invitationId, String field) {
		return presented(request).map(key -> signatures.verify(PURPOSE, key + "\n" + invitationId, field)).orElse(false);
	}

	private static Optional<String> presented(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies == null ? Optional.empty() : Arrays.stream(cookies)
			.filter(cookie -> COOKIE.equals(cookie.getName()) && VALUE.matcher(cookie.getValue()).matches())
			.map(Cookie::getValue)
			.findFirst();
	}

}
