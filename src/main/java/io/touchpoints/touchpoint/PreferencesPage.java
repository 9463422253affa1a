package io.touchpoints.touchpoint;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.web.util.HtmlUtils;

import io.touchpoints.customer.SupportedLocales;

/** The customer's email preferences page, in their language; everything the customer sees is escaped. */
final class PreferencesPage {

	private static final String STYLE = "body{font-family:Arial,Helvetica,sans-serif;color:#1f2933;max-width:40em;"
			+ "margin:2em auto;padding:0 1em;line-height:1.5}label{display:block;margin:.4em 0}"
			+ "fieldset{border:1px solid #cbd2d9;padding:1em}button{margin-top:1em;padding:.5em 1em}"
			+ ".notice{background:#e3f8e8;padding:.5em 1em}";

	private final ResourceBundle messages;

	private final String language;

	PreferencesPage(String locale) {
		this.language = SupportedLocales.languageFor(locale);
		this.messages = ResourceBundle.getBundle("messages.preferences", Locale.forLanguageTag(language),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	String form(String action, String customerName, Consent.Preferences preferences, String notice) {
		StringBuilder body = new StringBuilder();
		body.append("<h1>").append(text("title")).append("</h1>");
		body.append("<p>").append(text("intro", customerName)).append("</p>");
		if (notice != null) {
			body.append("<p class=\"notice\" role=\"status\">").append(escape(notice)).append("</p>");
		}
		body.append("<form method=\"post\" action=\"").append(escape(action)).append("\"><fieldset><legend>")
			.append(text("legend"))
			.append("</legend>");
		for (EmailCategory category : EmailCategory.OPTIONAL) {
			body.append("<label><input type=\"checkbox\" name=\"receive\" value=\"").append(category.value()).append('"')
				.append(preferences.optedOut().contains(category) ? "" : " checked")
				.append("> ")
				.append(text("category." + category.value()))
				.append("</label>");
		}
		body.append("</fieldset><label><input type=\"checkbox\" name=\"nothing\" value=\"true\"")
			.append(preferences.everything() ? " checked" : "")
			.append("> ")
			.append(text("nothing"))
			.append("</label><p>")
			.append(text("serviceNote"))
			.append("</p><button type=\"submit\">")
			.append(text("save"))
			.append("</button></form>");
		return page(body.toString());
	}

	String unsubscribeConfirmation(String action, EmailCategory category) {
		return page("<h1>" + text("unsubscribeTitle", categoryName(category)) + "</h1><form method=\"post\" action=\""
				+ escape(action) + "\"><button type=\"submit\">" + text("unsubscribeButton") + "</button></form>");
	}

	String unsubscribed(EmailCategory category) {
		return page("<h1>" + text("unsubscribed", categoryName(category)) + "</h1>");
	}

	String invalidLink() {
		return page("<h1>" + text("invalid") + "</h1>");
	}

	String saved() {
		return messages.getString("saved");
	}

	private String categoryName(EmailCategory category) {
		return messages.getString("categoryName." + category.value());
	}

	private String page(String body) {
		return "<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"robots\" content=\"noindex\"><title>" + text("title") + "</title><style>" + STYLE
				+ "</style></head><body><main>" + body + "</main></body></html>";
	}

	private String text(String key, Object... arguments) {
		String pattern = messages.getString(key);
		return escape(arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language))
			.format(arguments));
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
