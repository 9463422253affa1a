package io.touchpoints.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import io.touchpoints.support.Api;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;

/**
 * What a modeler gets from the service for a model, over real HTTP: deployed as a {@code cx-ops} user from Camunda
 * Modeler's endpoint, started over engine REST by an administrator, its jobs run; and every text that comes back
 * (answers, job failures, incidents, variables), so a test can look for a secret in all of it.
 */
class ModelAttempts {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Api api;

	private final TestUsers users;

	private final Jobs jobs;

	private final ProcessEngine engine;

	private final List<String> deployments = new ArrayList<>();

	ModelAttempts(Api api, TestUsers users, Jobs jobs, ProcessEngine engine) {
		this.api = api;
		this.users = users;
		this.jobs = jobs;
		this.engine = engine;
	}

	/** Everything the service answered for one model. */
	record Outcome(int deployStatus, String deployAnswer, int startStatus, String startAnswer, String failures,
			String variables) {

		boolean deployed() {
			return deployStatus == 200;
		}

		/** Whether the model failed somewhere: refused, failed to start, or a job of it failed. */
		boolean failed() {
			return !deployed() || startStatus >= 400 || !failures.isEmpty();
		}

		String everything() {
			return String.join("\n", deployAnswer, startAnswer, failures, variables);
		}

	}

	ResponseEntity<String> deploy(String user, String fileName, String content) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, TestUsers.PASSWORD);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("deployment-name", fileName);
		body.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		ResponseEntity<String> answer = api.template()
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
		if (answer.getStatusCode().is2xxSuccessful()) {
			deployments.add(read(answer.getBody()).path("id").asText());
		}
		return answer;
	}

	/** Deploys the model as cx-ops; if that works, an administrator starts process {@code key} and its jobs run. */
	Outcome attempt(String key, String fileName, String model) {
		ResponseEntity<String> deployed = deploy(users.cxOps(), fileName, model);
		if (!deployed.getStatusCode().is2xxSuccessful()) {
			return new Outcome(deployed.getStatusCode().value(), deployed.getBody(), 0, "", "", "");
		}
		String definitionId = read(deployed.getBody()).path("deployedProcessDefinitions").fieldNames().next();
		ResponseEntity<String> started = start(key, "{}");
		String processInstanceId = read(started.getBody()).path("id").asText(null);
		if (processInstanceId != null) {
			jobs.executeAll(processInstanceId);
		}
		return new Outcome(200, deployed.getBody(), started.getStatusCode().value(), started.getBody(),
				failuresOf(definitionId), variablesOf(definitionId));
	}

	ResponseEntity<String> start(String key, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(users.administrator(), TestUsers.PASSWORD);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return api.template()
			.exchange("/engine-rest/process-definition/key/" + key + "/start", HttpMethod.POST, new HttpEntity<>(body, headers),
					String.class);
	}

	void removeAll() {
		deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true));
		deployments.clear();
	}

	private String failuresOf(String definitionId) {
		List<String> failures = new ArrayList<>();
		for (Job job : engine.getManagementService().createJobQuery().processDefinitionId(definitionId).withException().list()) {
			failures.add(job.getExceptionMessage());
			failures.add(engine.getManagementService().getJobExceptionStacktrace(job.getId()));
		}
		engine.getRuntimeService().createIncidentQuery().processDefinitionId(definitionId).list()
			.forEach(incident -> failures.add(incident.getIncidentMessage()));
		return String.join("\n", failures);
	}

	private String variablesOf(String definitionId) {
		return engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processDefinitionId(definitionId)
			.list()
			.stream()
			.map(variable -> variable.getName() + "=" + variable.getValue())
			.collect(Collectors.joining("\n"));
	}

	static String idOf(String startAnswer) {
		return read(startAnswer).path("id").asText();
	}

	private static JsonNode read(String json) {
		try {
			return json == null ? JSON.createObjectNode() : JSON.readTree(json);
		}
		catch (Exception e) {
			return JSON.createObjectNode();
		}
	}

}
