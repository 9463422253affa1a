package io.touchpoints.touchpoint;

/** An email's content, ready to send. */
public record RenderedEmail(String subject, String html, String text) {
}
