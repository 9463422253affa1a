package io.touchpoints.customer;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * The languages customers are written to in. A customer may have any well-formed locale; messages use its
 * language when supported and English otherwise.
 */
public final class SupportedLocales {

	public static final String FALLBACK = "en";

	public static final List<String> LANGUAGES = List.of("en", "es", "fr");

	private SupportedLocales() {
	}

	static boolean isWellFormed(String tag) {
		try {
			Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
			return !locale.getLanguage().isEmpty();
		}
		catch (IllformedLocaleException e) {
			return false;
		}
	}

	static String normalize(String tag) {
		return Locale.forLanguageTag(tag.strip().replace('_', '-')).toLanguageTag();
	}

	/** The supported language to write in for a customer's locale. */
	public static String languageFor(String tag) {
		String language = tag == null ? FALLBACK : Locale.forLanguageTag(tag).getLanguage();
		return LANGUAGES.contains(language) ? language : FALLBACK;
	}

}
