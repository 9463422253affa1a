package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The rules a template folder must follow, each broken once, against real files. */
class MailTemplatesTests {

	@TempDir
	Path folder;

	@Test
	void shippedTemplatesHaveNoProblems() {
		assertThat(templatesIn(Path.of("templates")).problems()).isEmpty();
	}

	@Test
	void namesTheFileAndTheUnknownVariable() throws IOException {
		write("welcome", "en", "onboarding", "Hi {{customer.nmae}} {{links.preferences}}", "{{links.preferences}}");

		assertThat(templatesIn(folder).problems()).singleElement()
			.asString()
			.contains("welcome/en.html", "{{customer.nmae}}");
	}

	@Test
	void optionalEmailsMustLinkToThePreferencesPage() throws IOException {
		write("tips", "en", "offers", "Buy more", "Buy more");

		assertThat(templatesIn(folder).problems()).singleElement().asString().contains("tips/en", "{{links.preferences}}");
	}

	@Test
	void everyTemplateNeedsACategoryEnglishAndATextPart() throws IOException {
		write("no-category", "en", null, "Hello", "Hello");
		write("spanish-only", "es", "service", "Hola", "Hola");
		write("no-text", "en", "service", "Hello", null);

		assertThat(templatesIn(folder).problems()).hasSize(3)
			.anyMatch(problem -> problem.contains("no-category/en.html") && problem.contains("category"))
			.anyMatch(problem -> problem.contains("spanish-only/en.html") && problem.contains("English"))
			.anyMatch(problem -> problem.contains("no-text/en.txt") && problem.contains("plain-text"));
	}

	@Test
	void everyLanguageDeclaresTheSameCategory() throws IOException {
		write("welcome", "en", "onboarding", "{{links.preferences}}", "{{links.preferences}}");
		write("welcome", "fr", "service", "Bonjour", "Bonjour");

		assertThat(templatesIn(folder).problems()).singleElement().asString().contains("welcome/fr", "category service");
	}

	private MailTemplates templatesIn(Path templatesDir) {
		return new MailTemplates(new EmailSettings(templatesDir, null, null, null));
	}

	private void write(String id, String language, String category, String body, String text) throws IOException {
		Path dir = Files.createDirectories(folder.resolve("mail").resolve(id));
		String meta = category == null ? "" : "<meta name=\"category\" content=\"" + category + "\">";
		Files.writeString(dir.resolve(language + ".html"),
				"<html><head>" + meta + "<title>Subject</title></head><body>" + body + "</body></html>");
		if (text != null) {
			Files.writeString(dir.resolve(language + ".txt"), text);
		}
	}

}
