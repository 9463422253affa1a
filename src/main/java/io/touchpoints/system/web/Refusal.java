package io.touchpoints.system.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.touchpoints.system.FieldProblem;

/** Why a request is refused: the status and a detail that tells the caller what to do instead. */
public record Refusal(HttpStatus status, String title, String detail, List<FieldProblem> errors) {

	public static Refusal forbidden(String detail) {
		return new Refusal(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
	}

	/** For resources the caller may not see: answered as if they did not exist. */
	public static Refusal notFound(String detail) {
		return new Refusal(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
	}

	public static Refusal invalid(List<FieldProblem> errors) {
		return new Refusal(HttpStatus.BAD_REQUEST, "Invalid request",
				"Invalid request: " + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
				errors);
	}

}
