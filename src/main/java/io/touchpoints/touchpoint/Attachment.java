package io.touchpoints.touchpoint;

/** A file attached to an email, such as a calendar invitation. */
public record Attachment(String fileName, String contentType, byte[] content) {
}
