package io.touchpoints.process;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;

/** A model in the models folder that the engine cannot deploy; names the file and every problem in it. */
public class InvalidModelException extends RuntimeException {

	public InvalidModelException(Path folder, ParseException cause) {
		super(describe(folder, cause), cause);
	}

	InvalidModelException(Path model, String problem, Throwable cause) {
		super("Cannot deploy the model " + model.toAbsolutePath() + ": " + problem, cause);
	}

	private static String describe(Path folder, ParseException cause) {
		String problems = cause.getResorceReports()
			.stream()
			.flatMap(report -> report.getErrors()
				.stream()
				.map(problem -> folder.resolve(report.getResourceName()) + where(problem) + ": " + problem.getMessage()))
			.collect(Collectors.joining("\n  "));
		return "Cannot deploy the models in " + folder.toAbsolutePath() + ":\n  "
				+ (problems.isEmpty() ? cause.getMessage() : problems);
	}

	private static String where(Problem problem) {
		return (problem.getLine() > 0 ? " line " + problem.getLine() : "")
				+ (problem.getMainElementId() == null ? "" : " (" + problem.getMainElementId() + ")");
	}

}
