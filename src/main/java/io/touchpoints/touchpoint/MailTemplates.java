package io.touchpoints.touchpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.touchpoints.customer.SupportedLocales;
import io.touchpoints.system.TouchpointsProperties;

/**
 * Mail templates read from {@code <templates-dir>/mail/<id>/<language>.html} and {@code .txt}, outside the
 * code so CX operations can edit them without a release. The HTML {@code <title>} is the subject. Read on
 * every use, so an edit takes effect with the next email.
 */
@Component
public class MailTemplates {

	private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private final Path folder;

	MailTemplates(TouchpointsProperties properties) {
		this.folder = properties.templatesDir().resolve("mail");
	}

	/** The template in the customer's language, or in English when it has no translation. */
	public MailTemplate find(String id, String locale) {
		if (id == null || !TEMPLATE_ID.matcher(id).matches()) {
			throw new IllegalArgumentException("'" + id + "' is not a mail template id (lowercase letters, digits, dashes)");
		}
		String language = SupportedLocales.languageFor(locale);
		Path html = folder.resolve(id).resolve(language + ".html");
		if (!Files.exists(html)) {
			language = SupportedLocales.FALLBACK;
			html = folder.resolve(id).resolve(language + ".html");
		}
		if (!Files.exists(html)) {
			throw new IllegalArgumentException("No mail template '" + id + "': expected " + html.toAbsolutePath());
		}
		String body = read(html);
		Matcher title = TITLE.matcher(body);
		if (!title.find()) {
			throw new IllegalArgumentException("Mail template " + html.toAbsolutePath() + " has no <title> (the subject)");
		}
		String text = read(folder.resolve(id).resolve(language + ".txt"));
		return new MailTemplate(id, language, title.group(1).strip(), body, text);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read mail template " + file.toAbsolutePath(), e);
		}
	}

}
