package io.touchpoints.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
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
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;

/**
 * Issue 8, section 4: an integration (allowed to start journeys and change their variables) cannot make the
 * service create a Java object from a request, whichever way engine REST offers.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class JavaObjectsIT {

	private static final String PROCESS = "holds-variables";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Jobs jobs;

	@Autowired
	ProcessEngine engine;

	ModelAttempts attempts;

	@BeforeAll
	void deployAWaitingProcess() {
		attempts = new ModelAttempts(api, users, jobs, engine);
		attempts.deploy(users.cxOps(), PROCESS + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS)
			.camundaHistoryTimeToLive(1).startEvent().userTask().name("Wait").endEvent().done()));
	}

	@AfterAll
	void removeIt() {
		attempts.removeAll();
	}

	@ParameterizedTest(name = "as {0}")
	@ValueSource(strings = { "application/x-java-serialized-object", "application/json" })
	void anObjectVariableCannotStartAJourney(String format) throws IOException {
		long before = instances();

		ResponseEntity<String> refused = attempts.start(PROCESS, "{\"variables\":{\"list\":" + objectVariable(format) + "}}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("variables.list").contains("not a Java object");
		assertThat(instances()).isEqualTo(before);
	}

	@Test
	void anObjectVariableCannotBeSetOnARunningJourney() throws IOException {
		String instance = startedInstance();

		ResponseEntity<String> refused = api.template().exchange("/engine-rest/process-instance/" + instance + "/variables/list",
				HttpMethod.PUT, new HttpEntity<>(objectVariable("application/x-java-serialized-object"), json()), String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("\"field\":\"list\"").contains("not a Java object");
		assertThat(engine.getRuntimeService().getVariables(instance)).doesNotContainKey("list");
	}

	@Test
	void aJavaClassNamedInAnUploadIsNotInstantiated() {
		String instance = startedInstance();
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("data", part(new ByteArrayResource("[\"a\"]".getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "list.json";
			}
		}, MediaType.APPLICATION_JSON));
		body.add("type", part("java.util.ArrayList", MediaType.TEXT_PLAIN));
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(users.administrator(), TestUsers.PASSWORD);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);

		ResponseEntity<String> refused = api.template().exchange("/engine-rest/process-instance/" + instance + "/variables/list/data",
				HttpMethod.POST, new HttpEntity<>(body, headers), String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("not Java objects");
		assertThat(engine.getRuntimeService().getVariables(instance)).doesNotContainKey("list");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "[\"a\"]", "{\"admin\":true}" })
	void aListOrMapWithoutTypeIsNotStoredAsAJavaObject(String value) {
		String instance = startedInstance();

		ResponseEntity<String> refused = api.template().exchange("/engine-rest/process-instance/" + instance + "/variables/list",
				HttpMethod.PUT, new HttpEntity<>("{\"value\":" + value + "}", json()), String.class);
		ResponseEntity<String> notStarted = attempts.start(PROCESS, "{\"variables\":{\"list\":{\"value\":" + value + "}}}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("\"field\":\"list\"").contains("not a list or map");
		assertThat(engine.getRuntimeService().getVariables(instance)).doesNotContainKey("list");
		assertThat(notStarted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notStarted.getBody()).contains("variables.list").contains("not a list or map");
	}

	@Test
	void theEngineItselfRefusesAJavaObjectThatGetsPastTheRequestChecks() {
		String instance = startedInstance();

		assertThatThrownBy(() -> engine.getRuntimeService()
			.setVariable(instance, "list", new ArrayList<>(List.of("a"))))
			.hasMessageContaining("Variable 'list' would hold a java.util.");
		assertThat(engine.getRuntimeService().getVariables(instance)).doesNotContainKey("list");
	}

	@Test
	void aModelCannotStoreAJavaObjectEither() {
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("stores-a-list").camundaHistoryTimeToLive(1)
			.startEvent().manualTask().camundaOutputParameter("groups", "${currentUserGroups()}").endEvent().done());

		ModelAttempts.Outcome outcome = attempts.attempt("stores-a-list", "stores-a-list.bpmn", model);

		assertThat(outcome.startStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(outcome.startAnswer()).contains("Variable 'groups' would hold a java.util.");
	}

	@Test
	void plainValuesStillWork() {
		ResponseEntity<String> started = attempts.start(PROCESS, """
				{"variables":{"name":{"value":"Ana"},"count":{"value":3},"ratio":{"value":0.5},"vip":{"value":true},
				              "since":{"value":"2026-11-23T10:00:00.000+0000","type":"Date"},"nothing":{"value":null}}}""");

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(engine.getRuntimeService().getVariables(id(started.getBody())))
			.containsEntry("name", "Ana").containsEntry("count", 3).containsEntry("ratio", 0.5).containsEntry("vip", true)
			.containsKey("since").containsEntry("nothing", null);
	}

	private String startedInstance() {
		ResponseEntity<String> started = attempts.start(PROCESS, "{}");
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		return id(started.getBody());
	}

	private long instances() {
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
	}

	private HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(users.administrator(), TestUsers.PASSWORD);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static HttpEntity<Object> part(Object content, MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		return new HttpEntity<>(content, headers);
	}

	private static String objectVariable(String format) throws IOException {
		String value = "application/json".equals(format) ? "[\\\"a\\\"]" : serialized(new ArrayList<>(List.of("a")));
		return """
				{"type":"Object","value":"%s","valueInfo":{"objectTypeName":"java.util.ArrayList","serializationDataFormat":"%s"}}"""
			.formatted(value, format);
	}

	private static String serialized(Object object) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(object);
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	private static String id(String json) {
		try {
			return JSON.readTree(json).path("id").asText();
		}
		catch (IOException e) {
			throw new AssertionError("not JSON: " + json, e);
		}
	}

}
