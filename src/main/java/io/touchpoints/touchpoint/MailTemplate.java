package io.touchpoints.touchpoint;

/** One mail template in one language: a subject, an HTML body and its plain-text alternative. */
record MailTemplate(String id, String language, String subject, String html, String text) {

	String source(String part) {
		return id + "/" + language + "." + part;
	}

}
