package io.touchpoints.touchpoint;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Fills {@code {{name}}} placeholders. Values are escaped for the part they land in (HTML, plain text, a
 * header), so customer data can neither inject markup nor break out of the subject line. A placeholder
 * without a value is an error, never an empty gap in a sent email.
 */
final class TemplateRenderer {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

	private TemplateRenderer() {
	}

	static RenderedEmail render(MailTemplate template, Map<String, String> values) {
		return new RenderedEmail(
				fill(template.subject(), values, template.source("html <title>"), TemplateRenderer::singleLine),
				fill(template.html(), values, template.source("html"), TemplateRenderer::escapeHtml),
				fill(template.text(), values, template.source("txt"), UnaryOperator.identity()));
	}

	private static String fill(String source, Map<String, String> values, String where, UnaryOperator<String> escape) {
		Matcher placeholder = PLACEHOLDER.matcher(source);
		StringBuilder out = new StringBuilder();
		while (placeholder.find()) {
			String name = placeholder.group(1);
			String value = values.get(name);
			if (value == null) {
				throw new UnknownTemplateVariableException(where, name, values.keySet());
			}
			placeholder.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
		}
		placeholder.appendTail(out);
		return out.toString();
	}

	private static String escapeHtml(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

	private static String singleLine(String value) {
		return value.replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]+", " ");
	}

}
