package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import io.touchpoints.support.Api;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestModels;
import io.touchpoints.support.TestUsers;

/**
 * Engine REST mistakes that are the client's, which Camunda answers with 500, answered with a client status and a
 * problem that says what is wrong: a password against the policy, a task a journey waits on, a request body without
 * a member its resource needs, a decision without history time to live, a timer the engine cannot read.
 */
@IntegrationTest
class EngineClientErrorsIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	TestModels models;

	@Autowired
	IdentityService identityService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@AfterEach
	void removeModels() {
		models.removeAll();
	}

	@Test
	void aNewUserWithAPasswordAgainstThePolicyIsABadRequestNamingTheRulesItBreaks() {
		JsonNode problem = problem(api.post(users.administrator(), "/engine-rest/user/create", """
				{"profile":{"id":"weakpassword2","firstName":"Weak","lastName":"Password","email":"weak2@example.com"},
				 "credentials":{"password":"1"}}"""), 400);

		assertThat(problem.get("detail").asText()).isEqualTo("The password does not meet the password policy: at least "
				+ "10 characters, at least 1 lowercase letter(s), at least 1 uppercase letter(s), at least 1 special character(s)");
		assertThat(problem.get("message").asText()).isEqualTo(problem.get("detail").asText());
		assertThat(problem.get("exceptionType").asText()).isEqualTo("PasswordPolicyException");
		assertThat(identityService.createUserQuery().userId("weakpassword2").count()).isZero();
	}

	@Test
	void changingOnesOwnPasswordAgainstThePolicyIsABadRequestAndChangesNothing() {
		String user = users.ensure("testpolicychange", Groups.CSM);

		JsonNode problem = problem(api.call(user, HttpMethod.PUT, "/engine-rest/user/" + user + "/credentials",
				"{\"password\":\"Testpolicychange-9!\",\"authenticatedUserPassword\":\"" + TestUsers.PASSWORD + "\"}"), 400);

		assertThat(problem.get("detail").asText())
			.isEqualTo("The password does not meet the password policy: none of the user's id, names or email");
		assertThat(identityService.checkPassword(user, TestUsers.PASSWORD)).isTrue();
	}

	@Test
	void deletingATaskThatARunningProcessWaitsOnIsAConflictAndDeletesNothing() {
		String key = "wait-" + UUID.randomUUID().toString().substring(0, 8);
		models.deploy(key, Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("UserTask_Wait")
			.endEvent()
			.done());
		String instance = runtimeService.startProcessInstanceByKey(key).getId();
		Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();

		JsonNode problem = problem(api.call(users.administrator(), HttpMethod.DELETE, "/engine-rest/task/" + task.getId(),
				null), 409);

		assertThat(problem.get("detail").asText()).isEqualTo("The task cannot be deleted because is part of a running process");
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	@Test
	void aRequestBodyWithoutAMemberItsResourceNeedsIsABadRequestNamingIt() {
		assertThat(problem(api.post(users.administrator(), "/engine-rest/migration/execute", "{}"), 400).get("detail").asText())
			.isEqualTo("The request body lacks 'migrationPlan', which this resource needs");
		assertThat(problem(api.post(users.administrator(), "/engine-rest/authorization/create", "{}"), 400).get("detail")
			.asText()).isEqualTo("The request body lacks 'type', which this resource needs");
	}

	@Test
	void aDecisionWithoutHistoryTimeToLiveIsABadRequestSayingWhatIsMissing() {
		String name = "no-ttl-" + UUID.randomUUID();

		JsonNode problem = problem(deploy(name + ".dmn", """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
				  <decision id="Decision_NoTtl" name="No time to live">
				    <variable id="v" name="r" typeRef="string"/>
				    <literalExpression id="e"><text>"x"</text></literalExpression>
				  </decision>
				</definitions>"""), 400);

		assertThat(problem.get("detail").asText()).startsWith("ENGINE-22004 Unable to transform DMN resource '" + name + ".dmn'.")
			.contains("History Time To Live (TTL) cannot be null")
			.contains("Set historyTimeToLive in the model");
		assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
	}

	@Test
	void timersTheEngineCannotReadAreRefusedAtDeploymentNamingTheirEvents() {
		String name = "bad-timers-" + UUID.randomUUID();

		JsonNode problem = problem(deploy(name + ".bpmn", timers(name, "next tuesday", "soon", "0 0 25 * * ?")), 400);

		assertThat(problem.get("detail").asText()).isEqualTo("Deployment refused: "
				+ "'" + name + ".bpmn' the timer of 'Timer_Start' (Date reached): the time date 'next tuesday' cannot be read "
				+ "(Invalid format: \"next tuesday\"); write an ISO 8601 date and time such as 2026-11-23T09:00:00Z; "
				+ "'" + name + ".bpmn' the timer of 'Timer_Reminder' (Reminder due): the time duration 'soon' cannot be read "
				+ "(Invalid format: \"soon\"); write an ISO 8601 duration such as P7D or PT4H; "
				+ "'" + name + ".bpmn' the timer of 'Timer_Daily' (Day passed): the time cycle '0 0 25 * * ?' cannot be read "
				+ "(Failed to parse cron expression. Value 25 not in range [0, 23]); write an ISO 8601 repetition such as "
				+ "R3/PT10M, or a cron expression such as 0 0 9 * * ?");
		assertThat(problem.get("exceptionType").asText()).isEqualTo("ParseException");
		assertThat(problem.path("details").path(name + ".bpmn").path("errors").findValuesAsText("mainElementId"))
			.containsExactly("Timer_Start", "Timer_Reminder", "Timer_Daily");
		assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
	}

	@Test
	void timersTheEngineReadsAndTimersGivenByExpressionsDeploy() {
		String name = "good-timers-" + UUID.randomUUID();

		ResponseEntity<JsonNode> deployed = deploy(name + ".bpmn",
				timers(name, "2030-01-01T09:00:00Z", "${reminderAfter}", "R3/PT10M"));

		assertThat(deployed.getStatusCode().value()).as(deployed.getBody().toString()).isEqualTo(200);
		repositoryService.deleteDeployment(deployed.getBody().get("id").asText(), true);
	}

	@Test
	void aTimerExpressionThatGivesNoDateIsABadRequestWithTheEnginesReason() {
		String name = "expression-timer-" + UUID.randomUUID();

		JsonNode problem = problem(deploy(name + ".bpmn", timers(name, "${'next tuesday'}", "P1D", "R3/PT10M")), 400);

		assertThat(problem.get("detail").asText())
			.isEqualTo("ENGINE-09027 Exception while resolving duedate 'next tuesday': Invalid format: \"next tuesday\"");
		assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
	}

	private static JsonNode problem(ResponseEntity<JsonNode> answer, int status) {
		assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
		assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
		return answer.getBody();
	}

	private ResponseEntity<JsonNode> deploy(String fileName, String model) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(users.cxOps(), TestUsers.PASSWORD);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("deployment-name", fileName.substring(0, fileName.lastIndexOf('.')));
		body.add("data", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return api.template()
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** A process with a timer of each kind: a start event's date, a task's reminder duration, a daily cycle. */
	private static String timers(String id, String startDate, String reminder, String cycle) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="test">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="Timer_Start" name="Date reached">
				      <bpmn:outgoing>f1</bpmn:outgoing>
				      <bpmn:timerEventDefinition><bpmn:timeDate>%s</bpmn:timeDate></bpmn:timerEventDefinition>
				    </bpmn:startEvent>
				    <bpmn:userTask id="UserTask_Wait" name="Wait"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
				    <bpmn:boundaryEvent id="Timer_Reminder" name="Reminder due" cancelActivity="false" attachedToRef="UserTask_Wait">
				      <bpmn:timerEventDefinition><bpmn:timeDuration>%s</bpmn:timeDuration></bpmn:timerEventDefinition>
				    </bpmn:boundaryEvent>
				    <bpmn:intermediateCatchEvent id="Timer_Daily" name="Day passed">
				      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
				      <bpmn:timerEventDefinition><bpmn:timeCycle>%s</bpmn:timeCycle></bpmn:timerEventDefinition>
				    </bpmn:intermediateCatchEvent>
				    <bpmn:endEvent id="End_Done" name="Done"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="f1" sourceRef="Timer_Start" targetRef="UserTask_Wait"/>
				    <bpmn:sequenceFlow id="f2" sourceRef="UserTask_Wait" targetRef="Timer_Daily"/>
				    <bpmn:sequenceFlow id="f3" sourceRef="Timer_Daily" targetRef="End_Done"/>
				  </bpmn:process>
				</bpmn:definitions>""".formatted(id, startDate, reminder, cycle);
	}

}
