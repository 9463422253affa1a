package io.touchpoints.survey;

import java.net.URI;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.SupportedLocales;
import io.touchpoints.system.TouchpointsProperties;
import io.touchpoints.touchpoint.LocalizedDates;
import io.touchpoints.touchpoint.LinkSignatures;

/**
 * The one-click answer links of a survey email: one per score, each naming the invitation and the score and
 * signed over both, so neither can be changed. Whether a link has expired is the invitation's to say.
 */
@Component
class SurveyLinks {

	static final String PATH = "/surveys/";

	private static final String PURPOSE = "survey-answer";

	private static final Pattern TOKEN = Pattern
		.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(0|[1-9][0-9]?)\\.([A-Za-z0-9_-]{22})");

	private final LinkSignatures signatures;

	private final URI base;

	SurveyLinks(LinkSignatures signatures, TouchpointsProperties properties) {
		this.signatures = signatures;
		this.base = properties.publicBaseUrl();
	}

	/** What a valid link names. */
	record Answer(String invitationId, int score) {
	}

	String token(String invitationId, int score) {
		return invitationId + "." + score + "." + signatures.sign(PURPOSE, invitationId + "\n" + score);
	}

	/** The template values {@code survey.score<N>}: a link for every score of the invitation's scale. */
	Map<String, String> forScale(String invitationId, SurveyKind kind) {
		Map<String, String> links = new LinkedHashMap<>();
		for (int score = kind.lowest(); score <= kind.highest(); score++) {
			links.put("survey.score" + score, base.toString().replaceAll("/+$", "") + PATH + token(invitationId, score));
		}
		return links;
	}

	/** The survey emails' template values: a link per score and the last day they work, in the customer's calendar. */
	Map<String, String> templateValues(SurveyInvitation invitation, Customer customer) {
		Map<String, String> values = new HashMap<>(forScale(invitation.id(), invitation.kind()));
		Locale language = Locale.forLanguageTag(SupportedLocales.languageFor(customer.getLocale()));
		values.put("survey.validUntil", LocalizedDates.longDate(
				invitation.expiresAt().atZone(ZoneId.of(customer.getTimeZone())).toLocalDate(), language));
		return values;
	}

	/** The invitation and score a token names, when its signature is right. */
	Optional<Answer> verify(String token) {
		Matcher parts = TOKEN.matcher(token == null ? "" : token);
		if (!parts.matches()) {
			return Optional.empty();
		}
		String invitationId = parts.group(1);
		int score = Integer.parseInt(parts.group(2));
		return signatures.verify(PURPOSE, invitationId + "\n" + score, parts.group(3))
				? Optional.of(new Answer(invitationId, score)) : Optional.empty();
	}

}
