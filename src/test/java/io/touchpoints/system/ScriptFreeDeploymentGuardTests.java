package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;

class ScriptFreeDeploymentGuardTests {

	@Test
	void findsScriptTasks() {
		assertThat(problems("<bpmn:scriptTask id=\"Run\" scriptFormat=\"groovy\"><bpmn:script>x</bpmn:script></bpmn:scriptTask>"))
			.singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains("script task"));
	}

	@Test
	void findsScriptsInListenersAndMappings() {
		assertThat(problems("<bpmn:task id=\"T\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
				+ "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:inputParameter>"
				+ "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>")).hasSize(1);
	}

	@Test
	void findsScriptConditions() {
		assertThat(problems("<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression "
				+ "xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true</bpmn:conditionExpression></bpmn:sequenceFlow>"))
			.hasSize(1);
	}

	@Test
	void acceptsDelegateExpressionsAndJuelConditions() {
		assertThat(problems("<bpmn:serviceTask id=\"S\" camunda:delegateExpression=\"${sendEmailDelegate}\"/>"
				+ "<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression "
				+ "xsi:type=\"bpmn:tFormalExpression\">${migrating}</bpmn:conditionExpression></bpmn:sequenceFlow>")).isEmpty();
	}

	@Test
	void refusesScriptLanguagesInDecisionTables() {
		String dmn = """
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
				  <decision id="x"><decisionTable id="t"><input id="i"><inputExpression id="e" typeRef="string"
				    expressionLanguage="javascript"><text>1</text></inputExpression></input></decisionTable></decision>
				</definitions>""";

		assertThat(ScriptFreeDeploymentGuard.scriptsIn(dmn.getBytes(StandardCharsets.UTF_8))).hasSize(1);
	}

	private static java.util.List<Problem> problems(String processContent) {
		String bpmn = """
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    id="d" targetNamespace="t"><bpmn:process id="p" isExecutable="true">%s</bpmn:process></bpmn:definitions>"""
			.formatted(processContent);
		return ScriptFreeDeploymentGuard.scriptsIn(bpmn.getBytes(StandardCharsets.UTF_8));
	}

}
