package io.touchpoints.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeploymentGuardTests {

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
		assertThat(decisionProblems("<input id=\"i\"><inputExpression id=\"e\" typeRef=\"string\" expressionLanguage=\"javascript\">"
				+ "<text>1</text></inputExpression></input>")).hasSize(1);
	}

	@Test
	void refusesTheLegacyActivitiNamespace() {
		assertThat(problems("<bpmn:serviceTask id=\"S\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:expression=\"${x}\"/>"
				+ "<bpmn:task id=\"T\"><bpmn:extensionElements><activiti:executionListener "
				+ "xmlns:activiti=\"http://activiti.org/bpmn\" event=\"start\" expression=\"${x}\"/></bpmn:extensionElements></bpmn:task>"))
			.hasSize(2)
			.allSatisfy(problem -> assertThat(problem.getMessage()).contains("Activiti namespace"));
	}

	@Test
	void refusesClassesInstantiatedByName() {
		assertThat(problems("<bpmn:serviceTask id=\"ByClass\" camunda:class=\"com.example.Delegate\"/>"
				+ "<bpmn:callActivity id=\"Mapped\" calledElement=\"x\" camunda:variableMappingClass=\"com.example.Mapping\"/>"
				+ "<bpmn:userTask id=\"Handled\" camunda:formHandlerClass=\"com.example.Handler\"/>"
				+ "<bpmn:task id=\"Listened\"><bpmn:extensionElements><camunda:executionListener event=\"start\" "
				+ "class=\"com.example.Listener\"/><camunda:taskListener event=\"create\" class=\"com.example.Listener\"/>"
				+ "</bpmn:extensionElements></bpmn:task>"))
			.extracting(Problem::getMainElementId)
			.containsExactly("ByClass", "Mapped", "Handled", "Listened", "Listened");
	}

	@Test
	void refusesFieldInjectionIntoSharedBeans() {
		assertThat(problems("<bpmn:serviceTask id=\"S\" camunda:delegateExpression=\"${sendEmailDelegate}\"><bpmn:extensionElements>"
				+ "<camunda:field name=\"customerEmails\" stringValue=\"x\"/></bpmn:extensionElements></bpmn:serviceTask>"))
			.singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains("camunda:field").contains("input parameters"));
	}

	@Test
	void refusesShellAndMailTasksButNotExternalTasks() {
		assertThat(problems("<bpmn:serviceTask id=\"Shell\" camunda:type=\"shell\"/><bpmn:sendTask id=\"Mail\" camunda:type=\"mail\"/>"
				+ "<bpmn:serviceTask id=\"External\" camunda:type=\"external\" camunda:topic=\"t\"/>"))
			.extracting(Problem::getMainElementId)
			.containsExactly("Shell", "Mail");
	}

	@Test
	void refusesScriptResourcesCustomValidatorsAndCases() {
		assertThat(problems("<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression "
				+ "xsi:type=\"bpmn:tFormalExpression\" camunda:resource=\"deployment://x.js\"/></bpmn:sequenceFlow>"
				+ "<bpmn:userTask id=\"Validated\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" type=\"string\">"
				+ "<camunda:validation><camunda:constraint name=\"validator\" config=\"com.example.Validator\"/></camunda:validation>"
				+ "</camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>"
				+ "<bpmn:callActivity id=\"Case\" camunda:caseRef=\"someCase\"/>"))
			.extracting(Problem::getMainElementId)
			.containsExactly("F", "f", "Case");
	}

	@ParameterizedTest
	@ValueSource(strings = { "embedded:deployment:forms/call.html", "embedded:app:forms/call.html", "app:forms/call.html",
			"https://example.com/phish", "camunda-forms:deployment:${formName}.form", "camunda-forms:https://example.com/x.form" })
	void refusesFormKeysThatLoadPagesOrLeaveTasklist(String formKey) {
		assertThat(problems("<bpmn:userTask id=\"U\" camunda:formKey=\"" + formKey + "\"/>"))
			.singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains(formKey).contains("camunda:formRef"));
	}

	@Test
	void acceptsCamundaFormsByReferenceOrDeploymentKey() {
		assertThat(problems("<bpmn:userTask id=\"A\" camunda:formRef=\"kickoff-call\" camunda:formRefBinding=\"latest\"/>"
				+ "<bpmn:userTask id=\"B\" camunda:formKey=\"camunda-forms:deployment:forms/kickoff-call.form\"/>")).isEmpty();
	}

	@Test
	void namesTheLineAndTheClosestElementWithAnId() {
		ModelProblem problem = problems("<bpmn:serviceTask id=\"S\">\n<bpmn:extensionElements>\n<camunda:field name=\"x\"/>"
				+ "</bpmn:extensionElements></bpmn:serviceTask>").get(0);

		assertThat(problem.getMainElementId()).isEqualTo("S");
		assertThat(problem.getLine()).isEqualTo(6);
		assertThat(problem.describe()).startsWith("line 6 (S): injects a field");
	}

	@ParameterizedTest
	@ValueSource(strings = { "juel", "JUEL", "javascript", "groovy" })
	void refusesNonFeelLanguagesOnEveryDecisionElement(String language) {
		assertThat(decisionProblems("<input id=\"i\"><inputExpression id=\"e\" typeRef=\"string\"><text>x</text></inputExpression></input>"
				+ "<output id=\"o\" name=\"o\" typeRef=\"string\"/><rule id=\"r\">"
				+ "<inputEntry id=\"ie\" expressionLanguage=\"" + language + "\"><text>x</text></inputEntry>"
				+ "<outputEntry id=\"oe\" expressionLanguage=\"" + language + "\"><text>x</text></outputEntry></rule>"))
			.extracting(Problem::getMainElementId)
			.containsExactly("ie", "oe");
		assertThat(ModelResources.problemsIn("d.dmn", dmn("expressionLanguage=\"" + language + "\"",
				"<literalExpression id=\"l\"><text>1</text></literalExpression>")))
			.singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains(language).contains("FEEL only"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "feel", "FEEL", "http://www.omg.org/spec/FEEL/20140401", "https://www.omg.org/spec/DMN/20191111/FEEL/" })
	void acceptsFeel(String language) {
		assertThat(ModelResources.problemsIn("d.dmn", dmn("expressionLanguage=\"" + language + "\"",
				"<literalExpression id=\"l\" expressionLanguage=\"" + language + "\"><text>1</text></literalExpression>"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "case.cmmn", "case.cmmn11.xml", "case.bpmn", "case.dmn", "case.form", "case.txt" })
	void refusesCmmnByContentWhateverItsName(String name) {
		String cmmn = """
				<definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" id="d" targetNamespace="t">
				  <case id="c"><casePlanModel id="p"/></case>
				</definitions>""";

		assertThat(ModelResources.problemsIn(name, cmmn.getBytes(StandardCharsets.UTF_8)))
			.singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains("CMMN"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "forms/call.html", "forms/call.js", "script.groovy", "diagram.svg", "model.bpmn20.xml",
			"model.BPMN", "table.dmn11.xml" })
	void refusesResourcesThatAreNotModels(String name) {
		assertThat(ModelResources.problemsIn(name, "<p>hi</p>".getBytes(StandardCharsets.UTF_8)))
			.singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains("is not a model").contains(".bpmn"));
	}

	@Test
	void refusesModelsThatAreNotWellFormed() {
		assertThat(ModelResources.problemsIn("broken.bpmn", "<bpmn:definitions".getBytes(StandardCharsets.UTF_8)))
			.singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains("not well-formed"));
	}

	@Test
	void refusesTheWholeDeploymentNamingEveryRefusedFile() {
		DeploymentEntity deployment = new DeploymentEntity();
		deployment.addResource(resource("call.html", "<script>alert(1)</script>"));
		deployment.addResource(resource("fine.bpmn", bpmn("")));
		deployment.addResource(resource("scripted.bpmn", bpmn("<bpmn:scriptTask id=\"Run\"/>")));

		assertThatThrownBy(() -> new DeploymentGuard().deploy(deployment))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("'call.html' is not a model")
			.hasMessageContaining("'scripted.bpmn' line 4 (Run): is a script task")
			.hasMessageNotContaining("fine.bpmn")
			.satisfies(refusal -> assertThat(((ParseException) refusal).getResorceReports())
				.extracting(report -> report.getResourceName())
				.containsExactly("call.html", "scripted.bpmn"));
	}

	@Test
	void refusesAModelTooLargeForAPersonToHaveDrawn() {
		assertThat(problems(tasks(XmlModelScan.MAX_ELEMENTS))).singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains("has more than 20000 XML elements"));
		assertThat(problems(tasks(XmlModelScan.MAX_ELEMENTS - 10))).isEmpty();
	}

	@Test
	void refusesElementsNestedTooDeep() {
		String nested = "<bpmn:subProcess id=\"S\">".repeat(XmlModelScan.MAX_DEPTH) + "</bpmn:subProcess>".repeat(XmlModelScan.MAX_DEPTH);

		assertThat(problems(nested)).singleElement()
			.satisfies(problem -> assertThat(problem.getMessage()).contains("nests XML elements more than 100 deep"));
	}

	private static String tasks(int count) {
		return IntStream.range(0, count).mapToObj(i -> "<bpmn:task id=\"T" + i + "\"/>").collect(Collectors.joining());
	}

	private static List<ModelProblem> problems(String processContent) {
		return ModelResources.problemsIn("model.bpmn", bpmn(processContent));
	}

	private static List<ModelProblem> decisionProblems(String tableContent) {
		return ModelResources.problemsIn("model.dmn", dmn("", "<decisionTable id=\"t\">" + tableContent + "</decisionTable>"));
	}

	private static byte[] bpmn(String processContent) {
		return """
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    id="d" targetNamespace="t"><bpmn:process id="p" isExecutable="true">
				%s
				</bpmn:process></bpmn:definitions>""".formatted(processContent).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] dmn(String definitionsAttributes, String decisionContent) {
		return """
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n" %s>
				  <decision id="x">%s</decision>
				</definitions>""".formatted(definitionsAttributes, decisionContent).getBytes(StandardCharsets.UTF_8);
	}

	private static ResourceEntity resource(String name, String content) {
		return resource(name, content.getBytes(StandardCharsets.UTF_8));
	}

	private static ResourceEntity resource(String name, byte[] content) {
		ResourceEntity resource = new ResourceEntity();
		resource.setName(name);
		resource.setBytes(content);
		return resource;
	}

}
