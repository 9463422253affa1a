package io.touchpoints.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/**
 * No request body can exhaust the service: bodies are bounded before anything reads them, anonymous bodies are
 * never read, and the service answers normally afterwards. The bodies here announce, or stream, more bytes than
 * the whole heap holds.
 */
@IntegrationTest
class RequestLimitsIT {

	private static final long LIMIT = 1024 * 1024;

	/** What the server may read of a refused body: the limit, Tomcat's swallow allowance and socket buffers. */
	private static final long MOST_READ = 64L * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	private static long moreThanTheHeap() {
		return Runtime.getRuntime().maxMemory() * 2;
	}

	@ParameterizedTest(name = "{0} {1} as {3}")
	@CsvSource({ "POST, /api/usage-events, application/json, integration",
			"POST, /api/usage-events, application/json, ",
			"POST, /engine-rest/task, application/json, csm",
			"POST, /engine-rest/task, application/json, ",
			"POST, /engine-rest/deployment/create, multipart/form-data; boundary=x, cx-ops",
			"POST, /camunda/api/engine/engine/default/task, application/json, " })
	void announcedBodyLargerThanTheHeapIsRefusedWithoutReadingIt(String method, String path, String type, String group)
			throws Exception {
		RawHttp.Outcome outcome = RawHttp.stream(port, method, path, type, user(group), moreThanTheHeap(), MOST_READ);

		assertThat(outcome.status()).isEqualTo(413);
		assertThat(outcome.bytesSent()).isLessThan(MOST_READ);
		assertServiceAnswers();
	}

	@ParameterizedTest(name = "{0} {1} as {3}")
	@CsvSource({ "POST, /api/usage-events, application/json, integration",
			"POST, /engine-rest/task, application/json, csm",
			"POST, /engine-rest/process-instance/some-id/variables, application/json, csm",
			"POST, /engine-rest/deployment/create, multipart/form-data; boundary=x, cx-ops" })
	void endlessChunkedBodyOfAnAuthenticatedCallerIsCutOffAtTheLimit(String method, String path, String type,
			String group) throws Exception {
		RawHttp.Outcome outcome = RawHttp.stream(port, method, path, type, user(group), null, moreThanTheHeap());

		assertThat(outcome.status()).isIn(413, 0);
		assertThat(outcome.bytesSent()).isLessThan(MOST_READ);
		assertServiceAnswers();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /api/usage-events, application/json", "POST, /engine-rest/task, application/json",
			"POST, /engine-rest/deployment/create, multipart/form-data; boundary=x",
			"POST, /camunda/api/engine/engine/default/task, application/json",
			"POST, /camunda/api/engine/engine/default/deployment/create, multipart/form-data; boundary=x" })
	void anonymousBodyIsNeverRead(String method, String path, String type) throws Exception {
		// The body is announced and never sent: had anything tried to read it, no answer would come.
		int status = RawHttp.withoutBody(port, method, path, type, null);

		assertThat(status).isIn(401, 403);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "PUT, /camunda/api/engine/engine/default/task/x", "PUT, /engine-rest/task/x",
			"DELETE, /actuator/health", "PUT, /no-such-path", "PUT, /x/api/engine/engine/x/deployment/create" })
	void anonymousFormBodiesAreNeverParsed(String method, String path) throws Exception {
		// The form is announced and never sent: had anything tried to parse it, no answer would come.
		int status = RawHttp.withoutBody(port, method, path, "application/x-www-form-urlencoded", null);

		assertThat(status).isBetween(400, 499);
		assertServiceAnswers();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/email-preferences/token/unsubscribe", "/camunda/api/admin/auth/user/default/login/tasklist",
			"/surveys/token/answer" })
	void formsAnyoneMaySendAreSmall(String path) throws Exception {
		RawHttp.Outcome outcome = RawHttp.stream(port, "POST", path, "application/x-www-form-urlencoded", null,
				32L * 1024 + 1, MOST_READ);

		assertThat(outcome.status()).isEqualTo(413);
	}

	@Test
	void modelsLargerThanOtherBodiesMayBeDeployed() {
		String documentation = "x".repeat((int) (2 * LIMIT));
		String model = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="test">
				  <bpmn:process id="large-model" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:documentation>%s</bpmn:documentation>
				    <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(documentation);

		ResponseEntity<JsonNode> deployed = deploy(users.cxOps(), "large-model.bpmn", model);

		assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void modelsOverTheDeploymentLimitAreRefused() {
		ResponseEntity<JsonNode> refused = deploy(users.cxOps(), "huge.bpmn", "x".repeat((int) (11 * LIMIT)));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody().get("detail").asText()).contains("10240 KB");
	}

	private String user(String group) {
		if (group == null) {
			return null;
		}
		return switch (group) {
			case "integration" -> users.integration();
			case "csm" -> users.csm();
			case "cx-ops" -> users.cxOps();
			default -> throw new IllegalArgumentException(group);
		};
	}

	private void assertServiceAnswers() {
		assertThat(api.get(null, "/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.post(users.integration(), "/api/usage-events", "[]").getStatusCode().is4xxClientError()).isTrue();
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

}
