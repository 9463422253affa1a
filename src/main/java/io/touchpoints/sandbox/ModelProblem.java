package io.touchpoints.sandbox;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/** Why a model is refused, where: the line and the id of the element (or of its closest ancestor with one). */
record ModelProblem(String reason, int line, int column, String elementId) implements Problem {

	static ModelProblem ofWholeFile(String reason) {
		return new ModelProblem(reason, 0, 0, null);
	}

	/** Where and why, as one text: {@code line 12 (ServiceTask_Send): instantiates a Java class ...}. */
	String describe() {
		return (line > 0 ? "line " + line + (elementId == null ? "" : " (" + elementId + ")") + ": " : "") + reason;
	}

	@Override
	public String getMessage() {
		return reason;
	}

	@Override
	public int getLine() {
		return line;
	}

	@Override
	public int getColumn() {
		return column;
	}

	@Override
	public String getMainElementId() {
		return elementId;
	}

	@Override
	public List<String> getElementIds() {
		return elementId == null ? List.of() : List.of(elementId);
	}

}
