package io.touchpoints.touchpoint;

/** An email's content, ready to send. */
record RenderedEmail(String subject, String html, String text) {
}
