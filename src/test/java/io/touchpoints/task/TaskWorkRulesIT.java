package io.touchpoints.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.WebappSession;
import io.touchpoints.system.Groups;

/**
 * What people may do with their tasks beyond what engine permissions express, through engine REST and through
 * the webapps' API that Tasklist uses: claim only for themselves, set only what the task's form asks, and touch
 * comments only where they may work or read.
 */
@IntegrationTest
class TaskWorkRulesIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	Jobs jobs;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@LocalServerPort
	int port;

	@Test
	void aCsmCannotClaimATaskForSomeoneElseWhoThenReadsIt() {
		Task kickoff = kickoffTask();

		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/engine-rest/task/" + kickoff.getId() + "/claim",
				"{\"userId\":\"" + users.support() + "\"}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().get("detail").asText()).contains("for themselves");
		assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee()).isNull();
		assertThat(api.get(users.support(), "/engine-rest/task/" + kickoff.getId() + "/variables").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void tasklistsOwnApiHoldsTheSameRule() throws Exception {
		Task kickoff = kickoffTask();
		WebappSession csm = WebappSession.login(port, users.csm(), TestUsers.PASSWORD);

		HttpResponse<String> refused = csm.post("/camunda/api/engine/engine/default/task/" + kickoff.getId() + "/claim",
				"application/json", "{\"userId\":\"" + users.support() + "\"}");
		HttpResponse<String> claimed = csm.post("/camunda/api/engine/engine/default/task/" + kickoff.getId() + "/claim",
				"application/json", "{\"userId\":\"" + users.csm() + "\"}");

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("for themselves");
		assertThat(claimed.statusCode()).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee())
			.isEqualTo(users.csm());
	}

	@Test
	void aClaimantMayReleaseTheirTaskAndNobodyElseOfTheTeamMay() {
		Task kickoff = kickoffTask();
		String csm = users.csm();
		String teammate = users.ensure("testcsmother", Groups.CSM);
		api.post(csm, "/engine-rest/task/" + kickoff.getId() + "/claim", "{\"userId\":\"" + csm + "\"}");

		assertThat(api.post(teammate, "/engine-rest/task/" + kickoff.getId() + "/unclaim", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post(csm, "/engine-rest/task/" + kickoff.getId() + "/unclaim", null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee()).isNull();
	}

	@Test
	void submittingTheKickoffFormCannotRewriteTheJourneysData() {
		Task kickoff = claimedKickoffTask();
		String submit = "/engine-rest/task/" + kickoff.getId() + "/submit-form";

		ResponseEntity<JsonNode> refused = api.post(users.csm(), submit, """
				{"variables":{"callDate":{"value":"2026-11-30"},"migrationNeeded":{"value":"yes"},
				  "customerName":{"value":"Someone Else"},"purchaseId":{"value":"po-stolen"},
				  "notes":{"value":{"nested":true},"type":"Object",
				           "valueInfo":{"objectTypeName":"java.util.HashMap","serializationDataFormat":"application/json"}}}}""");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(refused)).containsExactlyInAnyOrder("variables.migrationNeeded", "variables.customerName",
				"variables.purchaseId", "variables.notes");
		assertThat(message(refused, "variables.customerName")).contains("read-only");
		assertThat(message(refused, "variables.purchaseId")).contains("not a field of this task's form");
		assertThat(message(refused, "variables.migrationNeeded")).contains("true or false");
		assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).count()).isEqualTo(1);
		assertThat(runtimeService.getVariable(kickoff.getProcessInstanceId(), "purchaseId")).isNotEqualTo("po-stolen");
		assertThat(runtimeService.getVariable(kickoff.getProcessInstanceId(), "customerName")).isEqualTo("Ana García");
	}

	@Test
	void submittingTheFormAsTasklistDoesIsAccepted() {
		Task kickoff = claimedKickoffTask();

		ResponseEntity<JsonNode> submitted = api.post(users.csm(), "/engine-rest/task/" + kickoff.getId() + "/submit-form",
				"""
						{"variables":{"customerName":{"value":"Ana García"},"plan":{"value":"pro"},"migrating":{"value":false},
						  "callDate":{"value":"2026-11-30"},"notes":{"value":"SSO first"},"migrationNeeded":{"value":true},
						  "outcome":{"value":"Kickoff held"}}}""");

		assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(runtimeService.getVariable(kickoff.getProcessInstanceId(), "migrationNeeded")).isEqualTo(true);
	}

	@Test
	void aTaskWithoutFormTakesAnOutcomeAndNothingElse() {
		Task task = taskService.newTask();
		taskService.saveTask(task);
		taskService.addCandidateGroup(task.getId(), "csm");
		taskService.claim(task.getId(), users.csm());

		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/engine-rest/task/" + task.getId() + "/complete",
				"{\"variables\":{\"stage\":{\"value\":\"winback\"}}}");
		ResponseEntity<JsonNode> completed = api.post(users.csm(), "/engine-rest/task/" + task.getId() + "/complete",
				"{\"variables\":{\"outcome\":{\"value\":\"Called, all fine\"}}}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(message(refused, "variables.stage")).contains("outcome");
		assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void commentsAreWrittenByWhoeverWorksTheTaskAndReadOnlyWhereTheTaskIsVisible() {
		Task kickoff = kickoffTask();
		String comments = "/engine-rest/task/" + kickoff.getId() + "/comment";

		assertThat(api.post(users.cxOps(), comments + "/create", "{\"message\":\"Not mine to say\"}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post(users.csm(), comments + "/create", "{\"message\":\"Customer wants SSO\"}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(api.get(users.support(), comments).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.post(users.support(), "/engine-rest/task/" + kickoff.getId() + "/attachment/create", null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get(users.csm(), comments).getBody()).hasSize(1);
		assertThat(api.get(users.csm(), "/engine-rest/process-instance/" + kickoff.getProcessInstanceId() + "/comment")
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.get(users.cxOps(), "/engine-rest/process-instance/" + kickoff.getProcessInstanceId() + "/comment")
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aTaskWorkerCannotEndTheJourneyWithABpmnError() {
		Task kickoff = kickoffTask();

		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/engine-rest/task/" + kickoff.getId() + "/bpmnError",
				"{\"errorCode\":\"whatever\"}");
		ResponseEntity<JsonNode> uncaught = api.post(users.administrator(),
				"/engine-rest/task/" + kickoff.getId() + "/bpmnError", "{\"errorCode\":\"whatever\"}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(uncaught.getStatusCode().isError()).as("an error no boundary event catches fails").isTrue();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(kickoff.getProcessInstanceId()).count())
			.isEqualTo(1);
		assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).count()).isEqualTo(1);
	}

	@Test
	void aCommentStaysOnItsTasksJourney() {
		Task kickoff = kickoffTask();
		Task elsewhere = kickoffTask();

		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/engine-rest/task/" + kickoff.getId() + "/comment/create",
				"{\"message\":\"Posted elsewhere\",\"processInstanceId\":\"" + elsewhere.getProcessInstanceId() + "\"}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(taskService.getProcessInstanceComments(elsewhere.getProcessInstanceId())).isEmpty();
	}

	@Test
	void aRequiredFieldOfTheFormMustBeFilled() {
		Task kickoff = claimedKickoffTask();

		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/engine-rest/task/" + kickoff.getId() + "/complete",
				"{}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(message(refused, "variables.callDate")).contains("required");
		assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).count()).isEqualTo(1);
	}

	@Test
	void aLeadReleasesAStuckTaskButCannotTakeItOver() {
		Task kickoff = claimedKickoffTask();
		String lead = users.ensure("testcsmteamlead", Groups.CSM_LEADS);

		ResponseEntity<JsonNode> takeover = api.post(lead, "/engine-rest/task/" + kickoff.getId() + "/assignee",
				"{\"userId\":\"" + lead + "\"}");
		ResponseEntity<JsonNode> released = api.post(lead, "/engine-rest/task/" + kickoff.getId() + "/unclaim", null);

		assertThat(takeover.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(released.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).singleResult().getAssignee()).isNull();
	}

	private Task kickoffTask() {
		String instance = customers.purchase(customers.create("Ana García", "es", "Europe/Madrid"), false);
		jobs.executeAll(instance);
		return taskService.createTaskQuery().processInstanceId(instance).singleResult();
	}

	private Task claimedKickoffTask() {
		Task kickoff = kickoffTask();
		api.post(users.csm(), "/engine-rest/task/" + kickoff.getId() + "/claim", "{\"userId\":\"" + users.csm() + "\"}");
		return kickoff;
	}

	private static String message(ResponseEntity<JsonNode> response, String field) {
		for (JsonNode error : response.getBody().get("errors")) {
			if (field.equals(error.get("field").asText())) {
				return error.get("message").asText();
			}
		}
		throw new AssertionError("No error for " + field + " in " + response.getBody());
	}

}
