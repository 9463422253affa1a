package io.touchpoints.checkin;

import org.springframework.stereotype.Component;

import io.touchpoints.customer.SupportedLocales;
import io.touchpoints.system.LanguageFiles;
import io.touchpoints.touchpoint.EmailSettings;

/**
 * A check-in's topic in the customer's language. A model names a topic by key ({@code first-week}), and
 * {@code templates/check-in-topics/<language>.properties} gives its words (English when the customer's language
 * has none); a topic that is no key is used as written.
 */
@Component
class CheckInTopics {

	static final String FOLDER = "check-in-topics";

	private final LanguageFiles topics;

	CheckInTopics(EmailSettings settings) {
		this.topics = new LanguageFiles(settings.templatesFolder().resolve(FOLDER));
	}

	String inLanguageOf(String topic, String customerLocale) {
		String words = topics.wordsFor(topic.strip(), SupportedLocales.languageFor(customerLocale));
		return words == null ? topic : words;
	}

}
