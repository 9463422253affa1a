package io.touchpoints.system;

/** One offending field of a request and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
