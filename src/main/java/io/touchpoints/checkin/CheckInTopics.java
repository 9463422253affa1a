package io.touchpoints.checkin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.springframework.stereotype.Component;

import io.touchpoints.customer.SupportedLocales;
import io.touchpoints.touchpoint.EmailSettings;

/**
 * A check-in's topic in the customer's language. A model names a topic by key ({@code first-week}), and
 * {@code templates/check-in-topics/<language>.properties} gives its words (English when the customer's language
 * has none); a topic that is no key is used as written.
 */
@Component
class CheckInTopics {

	static final String FOLDER = "check-in-topics";

	private final Path folder;

	CheckInTopics(EmailSettings settings) {
		this.folder = settings.templatesFolder().resolve(FOLDER);
	}

	String inLanguageOf(String topic, String customerLocale) {
		String language = SupportedLocales.languageFor(customerLocale);
		String words = topicsIn(language).getProperty(topic.strip());
		if (words == null && !"en".equals(language)) {
			words = topicsIn("en").getProperty(topic.strip());
		}
		return words == null ? topic : words;
	}

	private Properties topicsIn(String language) {
		Properties topics = new Properties();
		Path file = folder.resolve(language + ".properties");
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				topics.load(reader);
			}
			catch (IOException failed) {
				throw new UncheckedIOException("Cannot read check-in topics " + file, failed);
			}
		}
		return topics;
	}

}
