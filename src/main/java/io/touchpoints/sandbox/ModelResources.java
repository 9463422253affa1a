package io.touchpoints.sandbox;

import java.util.List;

/**
 * Which resources a deployment may hold: BPMN, DMN and Camunda Forms, each checked by its rules. Anything else
 * (an embedded HTML form, a script, an image) would be run by the engine or by the webapps in users' browsers;
 * CMMN is refused by its content, whatever the file is called.
 */
final class ModelResources {

	private ModelResources() {
	}

	static List<ModelProblem> problemsIn(String name, byte[] content) {
		if (XmlModelScan.isCmmn(content)) {
			return List.of(ModelProblem.ofWholeFile("is a CMMN model; Touchpoints runs no CMMN (the engine would let "
					+ "anyone create its cases): model the journey in BPMN"));
		}
		if (name.endsWith(".bpmn")) {
			return XmlModelScan.scan(content, new BpmnRules());
		}
		if (name.endsWith(".dmn")) {
			return XmlModelScan.scan(content, new DmnRules());
		}
		if (name.endsWith(".form")) {
			return List.of();
		}
		return List.of(ModelProblem.ofWholeFile("is not a model: Touchpoints deploys BPMN (.bpmn), DMN (.dmn) and "
				+ "Camunda Forms (.form) only; an embedded HTML form or a script would run in users' browsers or on "
				+ "the server: use a Camunda Form (camunda:formRef)"));
	}

}
