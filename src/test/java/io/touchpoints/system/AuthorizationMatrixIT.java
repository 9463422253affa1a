package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.SignalTasks;
import io.touchpoints.support.TestModels;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;

/**
 * The authorization matrix of {@code docs/authorization.md}, cell by cell: each operation of the table, sent over
 * real HTTP as a member of each group, answers as the table says. The table is read from the document, so the
 * document and the service cannot disagree.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

	private static final Path MATRIX = Path.of("docs/authorization.md");

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
	TestModels models;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	io.touchpoints.adoption.PendingSignalTasks pendingSignalTasks;

	@Autowired
	JdbcTemplate jdbc;

	/** A request to send: method, path and JSON body, the placeholders already made. */
	record Request(HttpMethod method, String path, String body) {
	}

	/** What the test makes for one cell: the caller is given, the fixtures are fresh. */
	private final Map<String, Function<Cell, Request>> operations = new LinkedHashMap<>();

	/** One cell of the table: the operation's row, the group's column, and who calls as that group. */
	record Cell(String group, String user) {
	}

	@BeforeAll
	void describeOperations() {
		models.deploy("matrix-check-in", Bpmn.createExecutableProcess("matrix-check-in")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask()
			.camundaAsyncBefore()
			.camundaDelegateExpression("${scheduleCheckInDelegate}")
			.camundaInputParameter("topic", "Matrix")
			.camundaInputParameter("anchor", "today")
			.camundaInputParameter("offsetBusinessDays", "2")
			.camundaInputParameter("durationMinutes", "30")
			.endEvent()
			.done());
		operations.put("PUT /api/customers/{new-customer}", cell -> new Request(HttpMethod.PUT,
				"/api/customers/c-" + UUID.randomUUID(), Api.customerJson("Ana", "ana@example.com", "es")));
		operations.put("GET /api/customers/{customer}", cell -> get("/api/customers/" + customer()));
		operations.put("POST /api/customers/{customer}/purchases", cell -> new Request(HttpMethod.POST,
				"/api/customers/" + customer() + "/purchases", Api.purchaseJson("po-" + UUID.randomUUID(), false)));
		operations.put("PUT /api/subscriptions/{purchase}", cell -> {
			String ref = customer();
			customers.purchase(ref, false);
			return new Request(HttpMethod.PUT, "/api/subscriptions/po-" + ref,
					"{\"plan\":\"pro\",\"renewalDate\":\"2027-11-23\",\"annualValue\":1200}");
		});
		operations.put("POST /api/subscriptions/{purchase}/renewal", cell -> {
			String ref = customer();
			customers.purchase(ref, false);
			return new Request(HttpMethod.POST, "/api/subscriptions/po-" + ref + "/renewal",
					"{\"renewalDate\":\"2028-11-23\",\"annualValue\":1200}");
		});
		operations.put("POST /api/subscriptions/{purchase}/cancellation", cell -> {
			String ref = customer();
			customers.purchase(ref, false);
			return new Request(HttpMethod.POST, "/api/subscriptions/po-" + ref + "/cancellation", "{}");
		});
		operations.put("POST /api/usage-events", cell -> new Request(HttpMethod.POST, "/api/usage-events", """
				[{"eventId":"%s","customerRef":"%s","type":"login","occurredAt":"2026-11-23T09:00:00Z"}]"""
			.formatted(UUID.randomUUID(), customer())));
		operations.put("GET /api/customers/{customer}/usage", cell -> get("/api/customers/" + customer() + "/usage"));
		operations.put("GET /api/customers/{customer}/timeline",
				cell -> get("/api/customers/" + customer() + "/timeline"));
		operations.put("GET /api/customers/{customer}/adoption",
				cell -> get("/api/customers/" + customer() + "/adoption"));
		operations.put("POST /api/adoption/evaluations",
				cell -> new Request(HttpMethod.POST, "/api/adoption/evaluations", "{}"));
		operations.put("GET /api/metrics/support", cell -> get("/api/metrics/support"));
		operations.put("GET /api/metrics/onboarding", cell -> get("/api/metrics/onboarding"));
		operations.put("GET /api/metrics/nps", cell -> get("/api/metrics/nps"));
		operations.put("GET /api/metrics/retention", cell -> get("/api/metrics/retention"));
		operations.put("GET /api/surveys/responses", cell -> get("/api/surveys/responses"));
		operations.put("GET /api/templates", cell -> get("/api/templates"));
		operations.put("GET /api/templates/welcome/preview?customer={customer}",
				cell -> get("/api/templates/welcome/preview?customer=" + customer()));
		operations.put("GET /api/check-ins/{check-in}", cell -> get("/api/check-ins/" + checkIn()));
		operations.put("POST /api/check-ins/{check-in}/reschedule", cell -> new Request(HttpMethod.POST,
				"/api/check-ins/" + checkIn() + "/reschedule", "{\"startsAt\":\"" + nextThursdayAtTen() + "\"}"));
		operations.put("POST /api/check-ins/{check-in}/cancellation",
				cell -> new Request(HttpMethod.POST, "/api/check-ins/" + checkIn() + "/cancellation", "{}"));
		operations.put("POST /engine-rest/deployment/create",
				cell -> new Request(HttpMethod.POST, "/engine-rest/deployment/create", null));
		operations.put("GET /engine-rest/process-definition?key=customer-onboarding",
				cell -> get("/engine-rest/process-definition?key=customer-onboarding"));
		operations.put("GET /engine-rest/history/process-instance?processInstanceId={onboarding}",
				cell -> get("/engine-rest/history/process-instance?processInstanceId=" + onboarding()));
		operations.put("GET /engine-rest/task?processInstanceId={onboarding}",
				cell -> get("/engine-rest/task?processInstanceId=" + onboarding()));
		operations.put("POST /engine-rest/process-definition/key/customer-onboarding/start", cell -> new Request(
				HttpMethod.POST, "/engine-rest/process-definition/key/customer-onboarding/start", "{}"));
		operations.put("POST /engine-rest/process-instance/{onboarding}/modification", cell -> new Request(
				HttpMethod.POST, "/engine-rest/process-instance/" + onboarding() + "/modification",
				"{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"UserTask_KickoffCall\"}]}"));
		operations.put("PUT /engine-rest/process-instance/{onboarding}/suspended", cell -> new Request(HttpMethod.PUT,
				"/engine-rest/process-instance/" + onboarding() + "/suspended", "{\"suspended\":true}"));
		operations.put("POST /engine-rest/task/{team-task}/claim for oneself", cell -> new Request(HttpMethod.POST,
				"/engine-rest/task/" + taskOf(teamOf(cell.group())) + "/claim", userJson(cell.user())));
		operations.put("POST /engine-rest/task/{csm-task}/claim for someone else", cell -> new Request(HttpMethod.POST,
				"/engine-rest/task/" + taskOf(Groups.CSM) + "/claim", userJson(teammate())));
		operations.put("POST /engine-rest/task/{own-task}/unclaim",
				cell -> new Request(HttpMethod.POST, "/engine-rest/task/" + ownTask(cell) + "/unclaim", null));
		operations.put("POST /engine-rest/task/{teammate-task}/unclaim", cell -> new Request(HttpMethod.POST,
				"/engine-rest/task/" + claimed(taskOf(Groups.CSM), teammate()) + "/unclaim", null));
		operations.put("POST /engine-rest/task/{own-task}/complete with an outcome", cell -> new Request(
				HttpMethod.POST, "/engine-rest/task/" + ownTask(cell) + "/complete",
				"{\"variables\":{\"outcome\":{\"value\":\"Done\"}}}"));
		operations.put("POST /engine-rest/task/{own-task}/delegate", cell -> new Request(HttpMethod.POST,
				"/engine-rest/task/" + ownTask(cell) + "/delegate", userJson(teammate())));
		operations.put("PUT /engine-rest/task/{own-task} giving it to someone else", cell -> new Request(HttpMethod.PUT,
				"/engine-rest/task/" + ownTask(cell), "{\"name\":\"Matrix task\",\"assignee\":\"" + teammate()
						+ "\",\"owner\":\"" + teammate() + "\"}"));
		operations.put("POST /engine-rest/task/{teammate-task}/assignee to oneself", cell -> new Request(HttpMethod.POST,
				"/engine-rest/task/" + claimed(taskOf(Groups.CSM), teammate()) + "/assignee",
				userJson(cell.user() == null ? "nobody" : cell.user())));
		operations.put("POST /engine-rest/task/{csm-task}/identity-links", cell -> new Request(HttpMethod.POST,
				"/engine-rest/task/" + taskOf(Groups.CSM) + "/identity-links",
				"{\"groupId\":\"support\",\"type\":\"candidate\"}"));
		operations.put("PUT /engine-rest/task/{own-task}/variables/customerName", cell -> new Request(HttpMethod.PUT,
				"/engine-rest/task/" + ownTask(cell) + "/variables/customerName", "{\"value\":\"Someone else\"}"));
		operations.put("POST /engine-rest/task/{csm-task}/comment/create", cell -> new Request(HttpMethod.POST,
				"/engine-rest/task/" + taskOf(Groups.CSM) + "/comment/create", "{\"message\":\"Called them\"}"));
		operations.put("PUT /engine-rest/job/{cleanup-job}/suspended", cell -> new Request(HttpMethod.PUT,
				"/engine-rest/job/" + cleanupJob() + "/suspended", "{\"suspended\":true}"));
		operations.put("PUT /engine-rest/user/{self}/credentials with one's own password",
				cell -> new Request(HttpMethod.PUT, "/engine-rest/user/" + (cell.user() == null ? "nobody" : cell.user())
						+ "/credentials", unchangedPassword()));
		operations.put("PUT /engine-rest/user/{teammate}/credentials", cell -> new Request(HttpMethod.PUT,
				"/engine-rest/user/" + teammate() + "/credentials", unchangedPassword()));
		operations.put("POST /engine-rest/identity/verify", cell -> new Request(HttpMethod.POST,
				"/engine-rest/identity/verify",
				"{\"username\":\"" + users.csm() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"));
	}

	@AfterEach
	void activateTheCleanupJobAgain() {
		historyService.findHistoryCleanupJobs().forEach(job -> managementService.activateJobById(job.getId()));
	}

	@AfterEach
	void removeAdoptionSignalTasks() {
		SignalTasks.removeAll(runtimeService, pendingSignalTasks);
	}

	@AfterAll
	void removeTestModels() {
		models.removeAll();
	}

	static Stream<Arguments> cells() throws IOException {
		List<String> rows = Files.readAllLines(MATRIX, StandardCharsets.UTF_8)
			.stream()
			.filter(line -> line.startsWith("| `"))
			.toList();
		List<String> groups = columns(Files.readAllLines(MATRIX, StandardCharsets.UTF_8)
			.stream()
			.filter(line -> line.startsWith("| Operation |"))
			.findFirst()
			.orElseThrow());
		List<Arguments> cells = new ArrayList<>();
		for (String row : rows) {
			List<String> columns = columns(row);
			String operation = columns.get(0).replace("`", "");
			for (int group = 1; group < groups.size(); group++) {
				cells.add(Arguments.of(operation, groups.get(group), columns.get(group)));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{1}: {0} → {2}")
	@MethodSource("cells")
	void answersAsTheMatrixSays(String operation, String group, String expected) {
		Function<Cell, Request> describe = operations.get(operation);
		assertThat(describe).as("an operation for the matrix row '%s'", operation).isNotNull();
		String user = userOf(group);
		Request request = describe.apply(new Cell(group, user));

		ResponseEntity<JsonNode> response = send(user, request);

		int status = response.getStatusCode().value();
		switch (expected) {
			case "✓" -> assertThat(status).as("%s answered %s", operation, response.getBody()).isBetween(200, 299);
			case "∅" -> {
				assertThat(status).isEqualTo(200);
				assertThat(response.getBody()).as("what %s shows %s", operation, group).isEmpty();
			}
			case "✗" -> assertThat(status).as("%s answered %s", operation, response.getBody()).isEqualTo(403);
			case "401" -> assertThat(status).isEqualTo(401);
			default -> throw new IllegalArgumentException("Unknown cell '" + expected + "' in " + MATRIX);
		}
	}

	@Test
	void everyRowOfTheMatrixIsAnOperationOfTheTest() throws IOException {
		List<Object> rows = cells().map(cell -> cell.get()[0]).distinct().toList();

		assertThat(rows).containsExactlyInAnyOrderElementsOf(operations.keySet());
	}

	private static List<String> columns(String row) {
		return Arrays.stream(row.substring(1, row.lastIndexOf('|')).split("\\|")).map(String::strip).toList();
	}

	private String userOf(String group) {
		return switch (group) {
			case "anonymous" -> null;
			case "integration" -> users.integration();
			case "cx-ops" -> users.cxOps();
			case "csm" -> users.csm();
			case "support" -> users.support();
			case "csm-leads" -> users.ensure("testcsmlead", Groups.CSM_LEADS);
			case "support-leads" -> users.ensure("testsupportlead", Groups.SUPPORT_LEADS);
			case "camunda-admin" -> users.administrator();
			default -> throw new IllegalArgumentException("Unknown group column '" + group + "' in " + MATRIX);
		};
	}

	private ResponseEntity<JsonNode> send(String user, Request request) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, TestUsers.PASSWORD);
		}
		if (request.path().endsWith("/deployment/create")) {
			headers.setContentType(MediaType.MULTIPART_FORM_DATA);
			var body = new LinkedMultiValueMap<String, Object>();
			body.add("deployment-name", "matrix");
			body.add("data", new ByteArrayResource(harmlessModel().getBytes(StandardCharsets.UTF_8)) {
				@Override
				public String getFilename() {
					return "matrix.bpmn";
				}
			});
			return api.template()
				.exchange(request.path(), request.method(), new HttpEntity<>(body, headers), JsonNode.class);
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		return api.template()
			.exchange(request.path(), request.method(), new HttpEntity<>(request.body(), headers), JsonNode.class);
	}

	private static Request get(String path) {
		return new Request(HttpMethod.GET, path, null);
	}

	private String customer() {
		return customers.create("Ana García", "es", "Europe/Madrid");
	}

	/** A running onboarding, waiting at its kickoff call (the welcome email sent). */
	private String onboarding() {
		String processInstanceId = customers.purchase(customer(), false);
		jobs.executeAll(processInstanceId);
		return processInstanceId;
	}

	private String checkIn() {
		String ref = customer();
		customers.purchase(ref, false);
		String instance = runtimeService.startProcessInstanceByKey("matrix-check-in", ref).getId();
		jobs.executeAll(instance);
		return jdbc.queryForObject("select id from check_in where process_instance_id = ?", String.class, instance);
	}

	private String nextThursdayAtTen() {
		return EngineTime.now()
			.atZone(ZoneId.of("Europe/Madrid"))
			.toLocalDate()
			.with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
			.atTime(10, 0)
			.toString();
	}

	/** An unclaimed task of no process, offered to {@code group}. */
	private String taskOf(String group) {
		Task task = taskService.newTask();
		task.setName("Matrix task");
		taskService.saveTask(task);
		taskService.addCandidateGroup(task.getId(), group);
		return task.getId();
	}

	private String claimed(String taskId, String userId) {
		taskService.claim(taskId, userId);
		return taskId;
	}

	/** The caller's own claimed task; for groups without tasks, one a CSM holds. */
	private String ownTask(Cell cell) {
		String team = teamOf(cell.group());
		boolean hasTasks = team.equals(cell.group());
		return claimed(taskOf(team), hasTasks ? cell.user() : teammate());
	}

	private static String teamOf(String group) {
		return List.of(Groups.CSM, Groups.SUPPORT, Groups.CSM_LEADS, Groups.SUPPORT_LEADS, Groups.CX_OPS).contains(group) ? group
				: Groups.CSM;
	}

	/** A password change that sets the password it had, so that the caller can go on logging in. */
	private static String unchangedPassword() {
		return "{\"password\":\"" + TestUsers.PASSWORD + "\",\"authenticatedUserPassword\":\"" + TestUsers.PASSWORD
				+ "\"}";
	}

	private String teammate() {
		return users.ensure("testcsmmate", Groups.CSM);
	}

	private String cleanupJob() {
		List<Job> cleanup = historyService.findHistoryCleanupJobs();
		if (cleanup.isEmpty()) {
			historyService.cleanUpHistoryAsync(true);
			cleanup = historyService.findHistoryCleanupJobs();
		}
		return cleanup.get(0).getId();
	}

	private static String userJson(String userId) {
		return "{\"userId\":\"" + userId + "\"}";
	}

	private static String harmlessModel() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="test">
				  <bpmn:process id="matrix-deploy" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
				  </bpmn:process>
				</bpmn:definitions>
				""";
	}

}
