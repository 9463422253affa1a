package io.touchpoints.system;

import java.util.List;

/** The request contradicts what is already recorded; answered with 409 naming the fields. */
public class ConflictException extends RuntimeException {

	private final List<FieldProblem> problems;

	public ConflictException(String message, List<FieldProblem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
