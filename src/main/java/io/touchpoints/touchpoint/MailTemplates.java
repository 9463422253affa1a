package io.touchpoints.touchpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.touchpoints.customer.SupportedLocales;

/**
 * Mail templates read from {@code <templates-dir>/mail/<id>/<language>.html} and {@code .txt}, outside the
 * code so CX operations can edit them without a release. The HTML {@code <title>} is the subject and
 * {@code <meta name="category">} the category. Read on every use, so an edit takes effect with the next email.
 */
@Component
public class MailTemplates {

	private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern CATEGORY = Pattern.compile(
			"<meta\\s+name=\"category\"\\s+content=\"([a-z]+)\"\\s*/?>", Pattern.CASE_INSENSITIVE);

	static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private final Path folder;

	MailTemplates(EmailSettings properties) {
		this.folder = properties.templatesFolder().resolve("mail");
	}

	/** The template in the customer's language, or in English when it has no translation. */
	public MailTemplate find(String id, String locale) {
		checkId(id);
		String language = SupportedLocales.languageFor(locale);
		if (!Files.exists(html(id, language))) {
			language = SupportedLocales.FALLBACK;
		}
		if (!Files.exists(html(id, language))) {
			throw new UnknownTemplateException(id, html(id, language).toAbsolutePath());
		}
		return read(id, language);
	}

	public boolean exists(String id) {
		return id != null && TEMPLATE_ID.matcher(id).matches() && Files.exists(html(id, SupportedLocales.FALLBACK));
	}

	/** The ids of every template in the folder, sorted. */
	public List<String> ids() {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(Files::isDirectory)
				.map(path -> path.getFileName().toString())
				.filter(name -> TEMPLATE_ID.matcher(name).matches())
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list mail templates in " + folder.toAbsolutePath(), e);
		}
	}

	/** The languages a template is written in, English first. */
	public List<String> languages(String id) {
		checkId(id);
		return SupportedLocales.LANGUAGES.stream().filter(language -> Files.exists(html(id, language))).toList();
	}

	/** Everything wrong with the template folder, one line per problem; empty when every template is usable. */
	public List<String> problems() {
		if (!Files.isDirectory(folder)) {
			return List.of("Mail template folder " + folder.toAbsolutePath()
					+ " does not exist; set touchpoints.templates-dir (TOUCHPOINTS_TEMPLATES_DIR)");
		}
		List<String> problems = new ArrayList<>();
		for (String id : ids()) {
			if (!Files.exists(html(id, SupportedLocales.FALLBACK))) {
				problems.add(html(id, SupportedLocales.FALLBACK) + " is missing: every template needs English, the fallback");
				continue;
			}
			EmailCategory category = null;
			for (String language : languages(id)) {
				try {
					MailTemplate template = read(id, language);
					if (category != null && template.category() != category) {
						problems.add(template.source("html") + " declares category " + template.category().value()
								+ " but English declares " + category.value());
					}
					category = template.category();
					problems.addAll(TemplateChecks.problemsOf(template));
				}
				catch (InvalidTemplateException | UncheckedIOException e) {
					problems.add(e.getMessage());
				}
			}
		}
		return problems;
	}

	private MailTemplate read(String id, String language) {
		Path htmlFile = html(id, language);
		String body = read(htmlFile);
		Matcher title = TITLE.matcher(body);
		if (!title.find()) {
			throw new InvalidTemplateException(htmlFile, "has no <title> (the subject)");
		}
		Matcher category = CATEGORY.matcher(body);
		if (!category.find()) {
			throw new InvalidTemplateException(htmlFile,
					"has no <meta name=\"category\" content=\"...\"> (one of " + EmailCategory.OPTIONAL + ", service, internal)");
		}
		EmailCategory declared = EmailCategory.of(category.group(1))
			.orElseThrow(() -> new InvalidTemplateException(htmlFile, "declares unknown category '" + category.group(1) + "'"));
		Path textFile = folder.resolve(id).resolve(language + ".txt");
		if (!Files.exists(textFile)) {
			throw new InvalidTemplateException(textFile, "is missing: every template has a plain-text part");
		}
		return new MailTemplate(id, language, declared, title.group(1).strip(), body, read(textFile));
	}

	private Path html(String id, String language) {
		return folder.resolve(id).resolve(language + ".html");
	}

	private static void checkId(String id) {
		if (id == null || !TEMPLATE_ID.matcher(id).matches()) {
			throw new IllegalArgumentException("'" + id + "' is not a mail template id (lowercase letters, digits, dashes)");
		}
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
