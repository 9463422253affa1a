package io.touchpoints.system.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.touchpoints.system.FieldProblem;

/**
 * A rule's answer to an engine request in place of the engine's: a refusal with a detail that tells the caller
 * what to do instead, or the status of an operation the rule carried out itself.
 */
public record Answer(HttpStatus status, String title, String detail, List<FieldProblem> errors) {

	public static Answer forbidden(String detail) {
		return new Answer(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
	}

	/** For resources the caller may not see: answered as if they did not exist. */
	public static Answer notFound(String detail) {
		return new Answer(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
	}

	public static Answer invalid(List<FieldProblem> errors) {
		return new Answer(HttpStatus.BAD_REQUEST, "Invalid request",
				"Invalid request: " + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
				errors);
	}

	/** The rule did what was asked itself (as the engine, having checked who asks): nothing more to say. */
	public static Answer done() {
		return new Answer(HttpStatus.NO_CONTENT, null, null, List.of());
	}

	boolean isRefusal() {
		return status.isError();
	}

}
