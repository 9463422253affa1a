package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateRendererTests {

	private static final MailTemplate TEMPLATE = new MailTemplate("welcome", "en", EmailCategory.ONBOARDING, "Welcome, {{customer.name}}",
			"<p>Hello {{ customer.name }}</p>", "Hello {{customer.name}}");

	@Test
	void escapesMarkupInHtmlButKeepsAccents() {
		RenderedEmail email = TemplateRenderer.render(TEMPLATE, Map.of("customer.name", "Zoë <script>alert(1)</script>"));

		assertThat(email.html()).isEqualTo("<p>Hello Zoë &lt;script&gt;alert(1)&lt;/script&gt;</p>");
		assertThat(email.text()).isEqualTo("Hello Zoë <script>alert(1)</script>");
	}

	@Test
	void keepsLineBreaksOutOfTheSubject() {
		RenderedEmail email = TemplateRenderer.render(TEMPLATE, Map.of("customer.name", "Ana\r\nBcc: victim@example.com"));

		assertThat(email.subject()).isEqualTo("Welcome, Ana Bcc: victim@example.com").doesNotContain("\r", "\n");
	}

	@Test
	void unknownVariableNamesTemplateAndVariable() {
		MailTemplate typo = new MailTemplate("welcome", "es", EmailCategory.ONBOARDING, "Hola", "<p>{{customer.nmae}}</p>", "");

		assertThatThrownBy(() -> TemplateRenderer.render(typo, Map.of("customer.name", "Ana")))
			.isInstanceOf(UnknownTemplateVariableException.class)
			.hasMessageContaining("welcome/es.html")
			.hasMessageContaining("{{customer.nmae}}")
			.hasMessageContaining("customer.name");
	}

	@Test
	void replacementTextIsNotInterpretedAsAPattern() {
		RenderedEmail email = TemplateRenderer.render(TEMPLATE, Map.of("customer.name", "$1 \\ O'Brien"));

		assertThat(email.text()).isEqualTo("Hello $1 \\ O'Brien");
	}

}
