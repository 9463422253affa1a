package io.touchpoints.touchpoint;

/** A template rendered for review: which language was used, its category and the content. */
public record RenderedPreview(String templateId, String language, EmailCategory category, RenderedEmail content) {
}
