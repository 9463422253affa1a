package io.touchpoints.sandbox;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment with resources the sandbox refuses. A parse exception, so engine REST answers 400 with a report per
 * file (which Camunda Modeler shows), and the message names every file, line and element.
 */
public class DeploymentRefusedException extends ParseException {

	DeploymentRefusedException(Map<String, List<ModelProblem>> problemsByResource) {
		super(describe(problemsByResource), null, List.of(), List.of());
		resorceReports.clear();
		problemsByResource.forEach((resource, problems) -> resorceReports
			.add(new ResourceReportImpl(resource, List.<Problem>copyOf(problems), List.of())));
	}

	private static String describe(Map<String, List<ModelProblem>> problemsByResource) {
		return "Deployment refused: " + problemsByResource.entrySet()
			.stream()
			.flatMap(resource -> resource.getValue().stream().map(problem -> "'" + resource.getKey() + "' " + problem.describe()))
			.collect(Collectors.joining("; "));
	}

}
