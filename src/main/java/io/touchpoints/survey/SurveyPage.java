package io.touchpoints.survey;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.JavaScriptUtils;

import io.touchpoints.customer.SupportedLocales;

/** The pages behind a survey's links, in the customer's language; everything shown is escaped. */
final class SurveyPage {

	private static final String STYLE = "body{font-family:Arial,Helvetica,sans-serif;color:#1f2933;max-width:40em;"
			+ "margin:2em auto;padding:0 1em;line-height:1.5}fieldset{border:1px solid #cbd2d9;padding:1em}"
			+ ".scale{display:flex;flex-wrap:wrap;gap:.25em}.scale label{border:1px solid #9aa5b1;border-radius:4px;"
			+ "padding:.3em .4em;cursor:pointer}.ends{display:flex;justify-content:space-between;font-size:.9em;"
			+ "color:#52606d}textarea{width:100%;min-height:8em;box-sizing:border-box;font:inherit}button{margin-top:1em;"
			+ "padding:.5em 1em}.notice{background:#e3f8e8;padding:.5em 1em}.problem{background:#fde8e8;padding:.5em 1em}";

	/** The field the link's page sets when its script, not a person, submitted the form. */
	static final String SCRIPTED = "scripted";

	private final ResourceBundle messages;

	private final String language;

	SurveyPage(String locale) {
		this.language = SupportedLocales.languageFor(locale);
		this.messages = ResourceBundle.getBundle("messages.survey", Locale.forLanguageTag(language),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	/**
	 * Records the link's score as the page opens (a person's browser runs it; a link scanner does not). Submitted
	 * before the page has loaded, the form replaces the page in the browser's history: Back never reaches it again.
	 * The script marks the form as its own; without scripts, the button posts it unmarked.
	 */
	String recording(String action, String csrf, int score, String nonce) {
		return page("<h1>" + text("recording") + "</h1><form id=\"record\" method=\"post\" action=\"" + escape(action) + "\">"
				+ hidden(csrf) + "<input type=\"hidden\" name=\"" + SCRIPTED + "\" value=\"\"><button type=\"submit\">"
				+ text("confirm", Integer.toString(score)) + "</button></form>", "var form = document.getElementById('record');"
						+ "form.elements." + SCRIPTED + ".value = 'yes'; form.submit();", nonce);
	}

	/**
	 * The answer page as the answer to the form the link's page submitted, without a redirect: the address bar then
	 * shows the answer page's own address, so that reloading shows the answer instead of sending the form again.
	 */
	String recorded(SurveyKind kind, String answerAddress, String csrf, int score, String comment, String nonce) {
		return page(answerBody(kind, answerAddress, csrf, score, comment, message("recorded", score), null),
				"history.replaceState(null, '', '" + script(answerAddress) + "');", nonce);
	}

	/** The recorded answer, with a form to change the score and add a comment. */
	String answer(SurveyKind kind, String action, String csrf, int score, String comment, String notice, String problem) {
		return page(answerBody(kind, action, csrf, score, comment, notice, problem));
	}

	private String answerBody(SurveyKind kind, String action, String csrf, int score, String comment, String notice,
			String problem) {
		StringBuilder body = new StringBuilder();
		body.append("<h1>").append(text("thanks")).append("</h1>");
		if (notice != null) {
			body.append("<p class=\"notice\" role=\"status\">").append(escape(notice)).append("</p>");
		}
		if (problem != null) {
			body.append("<p class=\"problem\" role=\"alert\">").append(escape(problem)).append("</p>");
		}
		body.append("<form method=\"post\" action=\"").append(escape(action)).append("\">").append(hidden(csrf));
		body.append("<fieldset><legend>").append(text("question." + kind.value())).append("</legend><div class=\"scale\">");
		for (int value = kind.lowest(); value <= kind.highest(); value++) {
			body.append("<label><input type=\"radio\" name=\"score\" value=\"").append(value).append('"')
				.append(value == score ? " checked" : "")
				.append("> ")
				.append(value)
				.append("</label>");
		}
		String scale = kind.highest() == 10 ? "likely" : "satisfied";
		body.append("</div><div class=\"ends\"><span>").append(text("low." + scale)).append("</span><span>")
			.append(text("high." + scale)).append("</span></div></fieldset>");
		body.append("<p><label for=\"comment\">").append(text("commentLabel")).append("</label><textarea id=\"comment\" ")
			.append("name=\"comment\" maxlength=\"").append(SurveyAnswers.COMMENT_LIMIT).append("\">")
			.append(comment == null ? "" : escape(comment))
			.append("</textarea></p><button type=\"submit\">")
			.append(text("save"))
			.append("</button></form>");
		return body.toString();
	}

	String invalidLink() {
		return page("<h1>" + text("invalid") + "</h1>");
	}

	String closed() {
		return page("<h1>" + text("closed") + "</h1>");
	}

	String formExpired(String link) {
		return page("<h1>" + text("formExpired") + "</h1><p><a href=\"" + escape(link) + "\">" + text("openAgain") + "</a></p>");
	}

	String message(String key, Object... arguments) {
		String pattern = messages.getString(key);
		return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
	}

	private String page(String body) {
		return "<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"robots\" content=\"noindex\"><title>" + text("title") + "</title><style>" + STYLE
				+ "</style></head><body><main>" + body + "</main></body></html>";
	}

	private String page(String body, String script, String nonce) {
		return page(body + "<script nonce=\"" + nonce + "\">" + script + "</script>");
	}

	private static String script(String value) {
		return JavaScriptUtils.javaScriptEscape(value);
	}

	private static String hidden(String csrf) {
		return "<input type=\"hidden\" name=\"" + SurveyForms.FIELD + "\" value=\"" + escape(csrf) + "\">";
	}

	private String text(String key, Object... arguments) {
		return escape(message(key, arguments));
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
