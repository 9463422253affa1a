package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import io.touchpoints.support.Api;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.RawHttp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.WebappSession;

/** Who may call what, and the defences against expressions and scripts, through real HTTP. */
@IntegrationTest
class SecurityIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Test
	void healthIsOpenAndShowsStatusOnly() {
		ResponseEntity<JsonNode> health = api.get(null, "/actuator/health");

		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
		assertThat(health.getBody().size()).isEqualTo(1);
	}

	@Test
	void otherActuatorEndpointsAreNotExposed() {
		assertThat(api.get(null, "/actuator/env").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void apiWithoutCredentialsIsUnauthorized() {
		ResponseEntity<JsonNode> response = api.get(null, "/api/customers/anyone");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void apiWithWrongPasswordIsUnauthorized() {
		String user = users.ensure("wrongpassword", Groups.INTEGRATION);
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "wrong");
		ResponseEntity<String> response = api.template()
			.exchange("/api/customers/anyone", HttpMethod.GET, new HttpEntity<>(headers), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void engineRestWithoutCredentialsIsUnauthorized() {
		assertThat(api.get(null, "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(api.get(null, "/engine-rest/process-definition").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void taskWorkersMayNotUseTheIntegrationApi() {
		ResponseEntity<JsonNode> response = api.get(users.csm(), "/api/customers/anyone");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody().get("detail").asText()).contains("integration");
	}

	@Test
	void integrationAccountsMayNotDeploy() {
		assertThat(deploy(users.integration(), "harmless.bpmn", harmlessProcess("integration-deploy")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void cxOpsDeploysFromCamundaModeler() {
		ResponseEntity<JsonNode> deployed = deploy(users.cxOps(), "cx-ops-deploy.bpmn", harmlessProcess("cx-ops-deploy"));

		assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(deployed.getBody().get("deployedProcessDefinitions").size()).isEqualTo(1);
	}

	@Test
	void cxOpsMayNotStartProcessesOrWorkTasks() {
		assertThat(api.post(users.cxOps(), "/engine-rest/process-definition/key/customer-onboarding/start", "{}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void deploymentWithScriptTaskIsRefused() {
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("scripted")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.scriptTask()
			.scriptFormat("javascript")
			.scriptText("java.lang.System.exit(0)")
			.endEvent()
			.done());

		ResponseEntity<JsonNode> refused = deploy(users.cxOps(), "scripted.bpmn", model);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("message").asText()).contains("scripted.bpmn").contains("script task");
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("scripted").count()).isZero();
	}

	@Test
	void deploymentWithScriptListenerIsRefused() {
		String model = harmlessProcess("listened").replace("<bpmn:startEvent id=\"start\">",
				"<bpmn:startEvent id=\"start\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
						+ "<camunda:script scriptFormat=\"groovy\">println 'hi'</camunda:script>"
						+ "</camunda:executionListener></bpmn:extensionElements>");

		ResponseEntity<JsonNode> refused = deploy(users.cxOps(), "listened.bpmn", model);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("message").asText()).contains("listened.bpmn").contains("script");
	}

	@Test
	void expressionInQueryParameterIsRefused() {
		ResponseEntity<JsonNode> refused = api.get(users.csm(), "/engine-rest/task?assigneeExpression={expression}",
				"${currentUser()}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").asText()).contains("assigneeExpression");
	}

	@Test
	void expressionInsideOrQueriesIsRefused() {
		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/engine-rest/task",
				"{\"orQueries\":[{\"candidateGroupExpression\":\"#{'csm'}\"}]}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").asText()).contains("orQueries[0].candidateGroupExpression");
	}

	@Test
	void unicodeEscapedExpressionIsRefused() {
		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/engine-rest/task",
				"{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{currentUser()}\"}]}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void expressionThroughTheWebappsEngineApiIsRefused() throws Exception {
		WebappSession session = WebappSession.login(port, users.csm(), TestUsers.PASSWORD);

		HttpResponse<String> refused = session.get("/camunda/api/engine/engine/default/task?candidateGroupExpression="
				+ URLEncoder.encode("${currentUserGroups()}", StandardCharsets.UTF_8));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("candidateGroupExpression");
	}

	@Test
	void anonymousWebappRequestsAreRefusedBeforeAnythingReadsThem() throws Exception {
		HttpResponse<String> refused = WebappSession.anonymous(port)
			.get("/camunda/api/engine/engine/default/task?candidateGroupExpression="
					+ URLEncoder.encode("${currentUserGroups()}", StandardCharsets.UTF_8));

		assertThat(refused.statusCode()).isEqualTo(401);
	}

	@Test
	void expressionInAMultipartVariableUploadIsRefused() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(users.csm(), TestUsers.PASSWORD);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("data", new ByteArrayResource("${''.getClass()}".getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "note.txt";
			}
		});
		body.add("valueType", "File");

		ResponseEntity<JsonNode> refused = api.template()
			.exchange("/engine-rest/task/any/variables/note/data", HttpMethod.POST, new HttpEntity<>(body, headers),
					JsonNode.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").asText()).contains("multipart part 'data'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest/task?name=%zz", "/engine-rest/task?name%G1=x", "/engine-rest/task?name=%E0%A4" })
	void malformedPercentEncodingIsRefusedNamingWhere(String target) throws Exception {
		String answer = RawHttp.get(port, target, users.csm());

		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).contains("application/problem+json").contains("percent-encoding");
	}

	@Test
	void onlyAdministratorsVerifyOtherUsersCredentials() {
		String owner = users.cxOps();

		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/engine-rest/identity/verify",
				"{\"username\":\"" + owner + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().has("authenticated")).isFalse();
	}

	@Test
	void passwordsBelowThePolicyAreRefused() {
		String admin = users.ensure("testpolicyadmin", Groups.ADMIN);

		ResponseEntity<JsonNode> refused = api.post(admin, "/engine-rest/user/create", """
				{"profile":{"id":"weakpassword","firstName":"Weak","lastName":"Password","email":"weak@example.com"},
				 "credentials":{"password":"1"}}""");

		assertThat(refused.getStatusCode().isError()).isTrue();
		assertThat(refused.getBody().toString()).containsIgnoringCase("policy");
		assertThat(identityService.createUserQuery().userId("weakpassword").count()).isZero();
	}

	@Test
	void queriesWithoutExpressionsStillWork() {
		ResponseEntity<JsonNode> tasks = api.post(users.csm(), "/engine-rest/task",
				"{\"orQueries\":[{\"candidateGroup\":\"csm\"}]}");

		assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void expressionsReachDelegateBeansOnly() {
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("reaches-for-repository")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask()
			.camundaExpression("${customerRegistry.find('x')}")
			.endEvent()
			.done());
		repositoryService.createDeployment().addString("reaches-for-repository.bpmn", model).deploy();

		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("reaches-for-repository"))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("customerRegistry");
	}

	private ResponseEntity<JsonNode> deploy(String user, String fileName, String model) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, TestUsers.PASSWORD);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("deployment-name", fileName);
		body.add("data", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return api.template()
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	private static String harmlessProcess(String id) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="test">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(id);
	}

}
