package io.touchpoints.touchpoint;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * One mail template in one language: a subject (the HTML {@code <title>}), an HTML body, its plain-text
 * alternative and the category it declares ({@code <meta name="category">}).
 */
record MailTemplate(String id, String language, EmailCategory category, String subject, String html, String text) {

	String source(String part) {
		return id + "/" + language + "." + part;
	}

	/** Every {@code {{variable}}} the template uses, in any part. */
	Set<String> variables() {
		Set<String> names = new TreeSet<>();
		for (String part : new String[] { subject, html, text }) {
			Matcher placeholder = TemplateRenderer.PLACEHOLDER.matcher(part);
			while (placeholder.find()) {
				names.add(placeholder.group(1));
			}
		}
		return names;
	}

}
