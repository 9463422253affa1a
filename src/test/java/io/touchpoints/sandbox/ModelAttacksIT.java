package io.touchpoints.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import javax.script.ScriptEngine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.touchpoints.sandbox.ModelAttempts.Outcome;
import io.touchpoints.support.Api;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;
import io.touchpoints.system.Groups;

/**
 * The attacks issue 8 observed, as a cx-ops user deploying from Camunda Modeler's endpoint, and the ways around
 * the expression sandbox: decisions in another language than FEEL, FEEL's Java functions, CMMN, the legacy
 * Activiti namespace, and resources that would run in the webapps.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ModelAttacksIT {

	static final String SECRET = "secret-" + UUID.randomUUID();

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path markers;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Jobs jobs;

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${touchpoints.admin.password}")
	String administratorPassword;

	ModelAttempts attempts;

	@BeforeAll
	void storeSecret() {
		System.setProperty(Payload.SECRET_PROPERTY, SECRET);
		attempts = new ModelAttempts(api, users, jobs, engine);
		users.ensure(Payload.OPS_USER, Groups.CX_OPS);
	}

	@AfterAll
	void removeSecretAndModels() {
		System.clearProperty(Payload.SECRET_PROPERTY);
		attempts.removeAll();
	}

	@Test
	void aTimerDateCannotPutTheAdministratorsPasswordInTheDeploymentAnswer() {
		String issuesExpression = "${''.getClass().forName('java.lang.System').getMethod('getenv', ''.getClass())"
				+ ".invoke(null, 'TOUCHPOINTS_ADMIN_PASSWORD')}";
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("leaks-by-timer").camundaHistoryTimeToLive(1)
			.startEvent().timerWithDate(issuesExpression).endEvent().done());

		ResponseEntity<String> refused = attempts.deploy(users.cxOps(), "leaks-by-timer.bpmn", model);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("getClass() cannot be called").doesNotContain(administratorPassword);
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("leaks-by-timer").count())
			.isZero();
	}

	@Test
	void aServiceTaskExpressionCannotRunAProgram() {
		Path marker = markers.resolve("program-ran");
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("runs-a-program").camundaHistoryTimeToLive(1)
			.startEvent().serviceTask().camundaExpression(Payload.RUNS_PROGRAM.expression(marker)).endEvent().done());

		Outcome outcome = attempts.attempt("runs-a-program", "runs-a-program.bpmn", model);

		assertThat(outcome.startStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(outcome.startAnswer()).contains("refused: getClass() cannot be called on a value of type java.lang.String");
		assertThat(marker).doesNotExist();
	}

	@Test
	void executionDoesNotLeadToTheEngineServices() {
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("grants-admin").camundaHistoryTimeToLive(1)
			.startEvent().serviceTask().camundaExpression(Payload.GRANTS_ADMIN.expression(null)).endEvent().done());

		Outcome outcome = attempts.attempt("grants-admin", "grants-admin.bpmn", model);

		assertThat(outcome.startAnswer()).contains("getProcessEngineServices() cannot be called on execution")
			.contains("it offers getActivityInstanceId()");
		assertThat(identityService.createUserQuery().userId(Payload.OPS_USER).memberOfGroup(Groups.ADMIN).count()).isZero();
	}

	@ParameterizedTest(name = "JUEL in {0}")
	@ValueSource(strings = { "definitions", "decision", "inputExpression", "inputEntry", "outputEntry", "literalExpression" })
	void decisionsInJuelAreRefusedWhereverTheLanguageIsSet(String element) {
		String juel = "expressionLanguage=\"JUEL\"";
		String reflection = Payload.READS_SECRET.expression(null).replace("'", "&apos;");
		String dmn = "literalExpression".equals(element) ? literalDecision("juel-decision", reflection, juel)
				: tableDecision("juel-decision", element, juel, reflection);

		ResponseEntity<String> refused = attempts.deploy(users.cxOps(), "juel-decision.dmn", dmn);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("'juel-decision.dmn' line").contains("JUEL").contains("FEEL only")
			.doesNotContain(SECRET);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "juel", "javascript", "ecmascript", "groovy", "python" })
	void noScriptEngineWouldRunAScriptThatGotPastDeployment(String language) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

		Command<ScriptEngine> lookUp = commandContext -> configuration.getScriptingEngines().getScriptEngineForLanguage(language);

		assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(lookUp))
			.hasMessageContaining("Can't find scripting engine for '" + language + "'");
	}

	@ParameterizedTest(name = "a Java function in FEEL's {0}")
	@ValueSource(strings = { "inputExpression", "inputEntry", "outputEntry", "literalExpression" })
	void feelCannotCallJava(String element) {
		String function = "{f: function(name) external {java: {class: \"java.lang.System\", "
				+ "method signature: \"getProperty(java.lang.String)\"}}, r: f(\"" + Payload.SECRET_PROPERTY + "\")}.r";
		String key = "feel-java-" + element.toLowerCase();
		String dmn = "literalExpression".equals(element) ? literalDecision(key, xml(function), "")
				: tableDecision(key, element, "", xml(function));
		assertThat(attempts.deploy(users.cxOps(), key + ".dmn", dmn).getStatusCode()).isEqualTo(HttpStatus.OK);
		String process = key + "-process";
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(1).startEvent()
			.businessRuleTask().camundaDecisionRef(key).camundaMapDecisionResult("singleEntry").camundaResultVariable("result")
			.endEvent().done());

		Outcome outcome = attempts.attempt(process, process + ".bpmn", model);

		assertThat(outcome.startStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(outcome.startAnswer()).contains("External functions are disabled");
		assertThat(outcome.everything()).doesNotContain(SECRET);
	}

	/** Issue 8 review: stock Camunda answers "[B", "java.base" and a class's members to these, the way to Runtime.exec. */
	@ParameterizedTest(name = "{0} in a {1} variable")
	@CsvSource({ "string(blob.class.name), Bytes", "string(blob.class.module.name), Bytes",
			"string(blob.class.name), File", "'string(get value(blob, \"class\"))', Bytes" })
	void feelReachesNoJavaObjectThroughAVariable(String expression, String type) {
		String key = "feel-object-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(attempts.deploy(users.cxOps(), key + ".dmn", literalDecision(key, xml(expression), "")).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		String process = key + "-process";
		assertThat(attempts.deploy(users.cxOps(), process + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(process)
			.camundaHistoryTimeToLive(1).startEvent().businessRuleTask().camundaDecisionRef(key)
			.camundaMapDecisionResult("singleEntry").camundaResultVariable("result").userTask().endEvent().done()))
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> started = attempts.start(process, """
				{"variables":{"blob":{"value":"AAEC","type":"%s","valueInfo":{"filename":"blob.bin"}}}}""".formatted(type));

		// FEEL turns the refused value into an error, and an error inside a path into null: evaluated, harmlessly.
		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(engine.getRuntimeService().getVariable(ModelAttempts.idOf(started.getBody()), "result")).isNull();
	}

	@Test
	void aBusinessRuleTaskHandsItsDecisionToTheJourney() {
		String key = "routing-" + UUID.randomUUID().toString().substring(0, 8);
		String table = tableDecision(key, "", "", "-").replace("<text>\"x\"</text>", "<text>tier</text>")
			.replace("<text>-</text>", "<text>\"gold\"</text>").replace("<text>\"y\"</text>", "<text>\"csm-leads\"</text>");
		assertThat(attempts.deploy(users.cxOps(), key + ".dmn", table).getStatusCode()).isEqualTo(HttpStatus.OK);
		String process = key + "-process";
		assertThat(attempts.deploy(users.cxOps(), process + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(process)
			.camundaHistoryTimeToLive(1).startEvent().businessRuleTask().camundaDecisionRef(key)
			.camundaMapDecisionResult("singleEntry").camundaResultVariable("team").userTask().endEvent().done()))
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> started = attempts.start(process, "{\"variables\":{\"tier\":{\"value\":\"gold\"}}}");

		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(engine.getRuntimeService().getVariable(ModelAttempts.idOf(started.getBody()), "team"))
			.isEqualTo("csm-leads");
	}

	@Test
	void aDecisionsWholeResultCannotBecomeAStoredJavaObject() {
		String key = "whole-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(attempts.deploy(users.cxOps(), key + ".dmn", tableDecision(key, "", "", "-")).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		String process = key + "-process";
		attempts.deploy(users.cxOps(), process + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(process)
			.camundaHistoryTimeToLive(1).startEvent().businessRuleTask().camundaDecisionRef(key)
			.camundaMapDecisionResult("resultList").camundaResultVariable("everything").userTask().endEvent().done()));

		ResponseEntity<String> started = attempts.start(process, "{}");

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(started.getBody()).contains("Variable 'everything' would hold a ")
			.contains("Touchpoints variables hold text, numbers, booleans, dates, bytes or files");
	}

	@ParameterizedTest(name = "named {0}")
	@ValueSource(strings = { "case.cmmn", "case.cmmn11.xml", "case.bpmn" })
	void casesAreRefusedWhateverTheFileIsCalled(String fileName) {
		String cmmn = """
				<definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/cmmn"
				    id="d" targetNamespace="t">
				  <case id="attack-case" camunda:historyTimeToLive="P1D">
				    <casePlanModel id="plan"><extensionElements>
				      <camunda:caseExecutionListener event="create" expression="%s"/>
				    </extensionElements></casePlanModel>
				  </case>
				</definitions>""".formatted(Payload.GRANTS_ADMIN.expression(null).replace("'", "&apos;"));

		ResponseEntity<String> refused = attempts.deploy(users.cxOps(), fileName, cmmn);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("'" + fileName + "' is a CMMN model");
		assertThat(engine.getRepositoryService().createCaseDefinitionQuery().count()).isZero();
	}

	@Test
	void supportCannotCreateACase() {
		HttpHeaders support = new HttpHeaders();
		support.setBasicAuth(users.support(), TestUsers.PASSWORD);
		support.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<String> created = api.template().exchange("/engine-rest/case-definition/key/attack-case/create",
				HttpMethod.POST, new HttpEntity<>("{}", support), String.class);
		ResponseEntity<JsonNode> definitions = api.get(users.support(), "/engine-rest/case-definition");

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(definitions.getBody()).isEmpty();
	}

	@Test
	void aScriptListenerInTheLegacyActivitiNamespaceIsRefused() {
		String model = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:activiti="http://activiti.org/bpmn" id="d" targetNamespace="t">
				  <bpmn:process id="activiti-listener" isExecutable="true" activiti:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start">
				      <bpmn:extensionElements>
				        <activiti:executionListener event="start">
				          <activiti:script scriptFormat="groovy">new File('%s').createNewFile()</activiti:script>
				        </activiti:executionListener>
				      </bpmn:extensionElements>
				      <bpmn:outgoing>f</bpmn:outgoing>
				    </bpmn:startEvent>
				    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end"/>
				  </bpmn:process>
				</bpmn:definitions>""".formatted(markers.resolve("groovy-ran"));

		ResponseEntity<String> refused = attempts.deploy(users.cxOps(), "activiti-listener.bpmn", model);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("'activiti-listener.bpmn' line 4 (activiti-listener): uses the legacy Activiti namespace")
			.contains("'activiti-listener.bpmn' line 8 (start): uses the legacy Activiti namespace");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"forms/call.html|<form><script>fetch('/camunda/api/admin/auth/user/default')</script></form>",
			"forms/call.js|fetch('/engine-rest/user')",
			"diagram.svg|<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
			"script.groovy|new File('x').createNewFile()" })
	void resourcesThatWouldRunInBrowsersOrOnTheServerAreRefused(String fileName, String content) {
		ResponseEntity<String> refused = attempts.deploy(users.cxOps(), fileName, content);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("'" + fileName + "' is not a model").contains("Camunda Form");
	}

	@Test
	void aUserTaskCannotLoadAnEmbeddedForm() {
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("embedded-form").camundaHistoryTimeToLive(1)
			.startEvent().userTask("UserTask_Call").name("Call").camundaFormKey("embedded:deployment:forms/call.html")
			.endEvent().done());

		ResponseEntity<String> refused = attempts.deploy(users.cxOps(), "embedded-form.bpmn", model);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(read(refused.getBody()).at("/details/embedded-form.bpmn/errors/0/mainElementId").asText())
			.isEqualTo("UserTask_Call");
		assertThat(refused.getBody()).contains("embedded:deployment:forms/call.html").contains("camunda:formRef");
	}

	@Test
	void aStoredModelThatBreaksTheRulesNoLongerRuns() {
		String harmless = Bpmn.convertToString(Bpmn.createExecutableProcess("stored-before").camundaHistoryTimeToLive(1)
			.startEvent().serviceTask("ServiceTask_Stored").camundaExpression("${true}").endEvent().done());
		String deploymentId = read(attempts.deploy(users.cxOps(), "stored-before.bpmn", harmless).getBody()).path("id").asText();
		String byClass = harmless.replace("camunda:expression=\"${true}\"", "camunda:class=\"com.example.Anything\"");
		storedResource(deploymentId, "stored-before.bpmn", byClass);
		engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).list()
			.forEach(definition -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
				.removeProcessDefinition(definition.getId()));
		try {
			ResponseEntity<String> refused = attempts.start("stored-before", "{}");

			assertThat(refused.getStatusCode().isError()).isTrue();
			assertThat(refused.getBody()).contains("'stored-before.bpmn' line").contains("(ServiceTask_Stored)")
				.contains("camunda:class");
		}
		finally {
			storedResource(deploymentId, "stored-before.bpmn", harmless);
		}
	}

	private void storedResource(String deploymentId, String name, String content) {
		jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ? where DEPLOYMENT_ID_ = ? and NAME_ = ?",
				content.getBytes(StandardCharsets.UTF_8), deploymentId, name);
	}

	private static String tableDecision(String key, String languageOn, String language, String attack) {
		return """
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
				    id="d" name="d" namespace="n" %s>
				  <decision id="%s" name="Attack" camunda:historyTimeToLive="P1D" %s>
				    <decisionTable id="table">
				      <input id="input"><inputExpression id="inputExpression" typeRef="string" %s><text>%s</text></inputExpression></input>
				      <output id="output" name="result" typeRef="string"/>
				      <rule id="rule">
				        <inputEntry id="inputEntry" %s><text>%s</text></inputEntry>
				        <outputEntry id="outputEntry" %s><text>%s</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>""".formatted(on("definitions", languageOn, language), key, on("decision", languageOn, language),
				on("inputExpression", languageOn, language), "inputExpression".equals(languageOn) ? attack : "\"x\"",
				on("inputEntry", languageOn, language), "inputEntry".equals(languageOn) ? attack : "-",
				on("outputEntry", languageOn, language), "outputEntry".equals(languageOn) ? attack : "\"y\"");
	}

	private static String literalDecision(String key, String attack, String language) {
		return """
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
				    id="d" name="d" namespace="n">
				  <decision id="%s" name="Attack" camunda:historyTimeToLive="P1D">
				    <variable name="result" typeRef="string"/>
				    <literalExpression id="literal" %s><text>%s</text></literalExpression>
				  </decision>
				</definitions>""".formatted(key, language, attack);
	}

	private static String on(String element, String languageOn, String language) {
		return element.equals(languageOn) ? language : "";
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}

	private static JsonNode read(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (Exception e) {
			throw new AssertionError("not JSON: " + json, e);
		}
	}

}
