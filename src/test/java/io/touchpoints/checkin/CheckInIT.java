package io.touchpoints.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.touchpoints.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestModels;
import io.touchpoints.support.TestUsers;
import io.touchpoints.system.Groups;

/**
 * A journey schedules a check-in; the customer gets an invitation their calendar understands, the CSM a task due
 * at that moment; moving or cancelling it updates the same calendar event and the task.
 */
@IntegrationTest
class CheckInIT {

	GreenMail smtp = new GreenMail(TestSmtp.SETUP);

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
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	CheckIns checkIns;

	String ref;

	@BeforeEach
	void journeyThatSchedulesAFirstWeekCheckIn() {
		models.deploy("first-week-check-in", Bpmn.createExecutableProcess("first-week-check-in")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("ServiceTask_ScheduleCheckIn")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${scheduleCheckInDelegate}")
			.camundaInputParameter("topic", "Tu primera semana")
			.camundaInputParameter("anchor", "today")
			.camundaInputParameter("offsetBusinessDays", "2")
			.camundaInputParameter("durationMinutes", "30")
			.endEvent()
			.done());
		ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);
	}

	@AfterEach
	void cleanUp() {
		smtp.stop();
		models.removeAll();
	}

	@Test
	void invitesTheCustomerAndGivesTheCsmATaskDueAtTheCheckIn() throws Exception {
		smtp.start();
		String instance = runtimeService.startProcessInstanceByKey("first-week-check-in", ref).getId();

		jobs.executeAll(instance);

		CheckIn checkIn = checkInOf(instance);
		// Monday 11:00 in Madrid, two business days later, the first working hour: Wednesday 09:00 in Madrid.
		assertThat(checkIn.start().toInstant()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
		MimeMessage invitation = onlyEmail();
		assertThat(invitation.getSubject())
			.isEqualTo("Reunión de seguimiento: Tu primera semana el miércoles, 25 de noviembre de 2026 a las 09:00");
		String ics = calendar(invitation);
		assertThat(ics).contains("METHOD:REQUEST", "UID:check-in-" + checkIn.getId() + "@touchpoints.local", "SEQUENCE:0",
				"DTSTART;TZID=Europe/Madrid:20261125T090000", "DTEND;TZID=Europe/Madrid:20261125T093000",
				"BEGIN:VTIMEZONE", "mailto:" + Customers.email(ref),
				// The organizer is where answers are read, and the description is in the customer's language.
				"ORGANIZER;CN=\"Customer success\":mailto:success@touchpoints.local",
				"DESCRIPTION:Reunión de seguimiento con tu responsable de éxito del cliente: Tu primera semana");

		Task task = taskService.createTaskQuery().taskId(checkIn.getTaskId()).singleResult();
		assertThat(task.getName()).isEqualTo("Check-in with Ana García: Tu primera semana");
		assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
		assertThat(task.getDescription()).isEqualTo("Call the customer at 2026-11-25 09:00 Europe/Madrid (30 minutes) about: "
				+ "Tu primera semana");
		assertThat(taskService.getVariables(task.getId())).containsEntry("customerName", "Ana García")
			.containsEntry("customerRef", ref)
			.containsEntry("customerTimeZone", "Europe/Madrid (UTC+01:00)");
		String taskQuery = "/engine-rest/task?taskId=" + task.getId();
		assertThat(api.get(users.csm(), taskQuery).getBody()).hasSize(1);
		assertThat(api.get(users.support(), taskQuery).getBody()).isEmpty();
		assertThat(api.timelineSummaries(users.csm(), ref)).anyMatch(summary -> summary.equals("Check-in 'Tu primera semana' scheduled for 2026-11-25 09:00 Europe/Madrid"));
	}

	@Test
	void reschedulingAndCancellingUpdateTheSameCalendarEventAndTheTask() throws Exception {
		smtp.start();
		String instance = runtimeService.startProcessInstanceByKey("first-week-check-in", ref).getId();
		jobs.executeAll(instance);
		CheckIn checkIn = checkInOf(instance);

		ResponseEntity<JsonNode> moved = api.post(users.csm(), "/api/check-ins/" + checkIn.getId() + "/reschedule",
				"{\"startsAt\":\"2026-11-26T11:00\"}");

		assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(moved.getBody().get("startsAt").asText()).isEqualTo("2026-11-26T11:00:00+01:00");
		assertThat(moved.getBody().get("sequence").asInt()).isEqualTo(1);
		assertThat(taskService.createTaskQuery().taskId(checkIn.getTaskId()).singleResult().getDueDate().toInstant())
			.isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
		sendUpdates();
		MimeMessage update = emails().get(1);
		assertThat(update.getSubject()).startsWith("Reunión movida: Tu primera semana ahora es el jueves, 26 de noviembre");
		assertThat(calendar(update)).contains("METHOD:REQUEST", "UID:check-in-" + checkIn.getId() + "@touchpoints.local",
				"SEQUENCE:1", "DTSTART;TZID=Europe/Madrid:20261126T110000");

		ResponseEntity<JsonNode> cancelled = api.post(users.csm(),
				"/api/check-ins/" + checkIn.getId() + "/cancellation", "{\"reason\":\"Customer is on holiday\"}");

		assertThat(cancelled.getBody().get("status").asText()).isEqualTo("cancelled");
		assertThat(cancelled.getBody().get("sequence").asInt()).isEqualTo(2);
		assertThat(taskService.createTaskQuery().taskId(checkIn.getTaskId()).count()).isZero();
		sendUpdates();
		MimeMessage cancellation = emails().get(2);
		assertThat(cancellation.getSubject()).startsWith("Reunión cancelada: Tu primera semana");
		assertThat(calendar(cancellation)).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:2",
				"UID:check-in-" + checkIn.getId() + "@touchpoints.local");
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Check-in 'Tu primera semana' moved to 2026-11-26 11:00 Europe/Madrid",
				"Check-in 'Tu primera semana' on 2026-11-26 11:00 Europe/Madrid cancelled: Customer is on holiday");
		assertThat(emails()).hasSize(3);
	}

	@Test
	void retriedSchedulingKeepsOneCheckInAndSendsOneInvitation() throws Exception {
		String instance = runtimeService.startProcessInstanceByKey("first-week-check-in", ref).getId();
		jobs.executeAll(instance);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
			.as("SMTP is down: the job waits for a retry")
			.isOne();

		smtp.start();
		EngineTime.advance(Duration.ofMinutes(1));
		jobs.executeAll(instance);

		assertThat(checkIns.findAll().stream().filter(c -> instance.equals(c.getProcessInstanceId()))).hasSize(1);
		assertThat(emails()).hasSize(1);
		assertThat(taskService.createTaskQuery().taskId(checkInOf(instance).getTaskId()).count()).isOne();
	}

	@Test
	void refusesWhatCannotBeScheduled() {
		smtp.start();
		String instance = runtimeService.startProcessInstanceByKey("first-week-check-in", ref).getId();
		jobs.executeAll(instance);
		String path = "/api/check-ins/" + checkInOf(instance).getId();

		assertProblem(api.post(users.csm(), path + "/reschedule", "{\"startsAt\":\"next Tuesday\"}"), HttpStatus.BAD_REQUEST,
				"startsAt");
		assertProblem(api.post(users.csm(), path + "/reschedule", "{\"startsAt\":\"2026-11-20T10:00\"}"),
				HttpStatus.BAD_REQUEST, "startsAt");
		assertProblem(api.post(users.csm(), path + "/reschedule", "{\"startsAt\":\"2026-11-26T10:00\",\"durationMinutes\":2}"),
				HttpStatus.BAD_REQUEST, "durationMinutes");
		assertProblem(api.post(users.csm(), "/api/check-ins/no-such-id/reschedule", "{\"startsAt\":\"2026-11-26T10:00\"}"),
				HttpStatus.NOT_FOUND, "id");
		assertThat(api.post(users.cxOps(), path + "/cancellation", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		api.post(users.csm(), path + "/cancellation", "{}");
		assertProblem(api.post(users.csm(), path + "/reschedule", "{\"startsAt\":\"2026-11-26T10:00\"}"), HttpStatus.CONFLICT,
				"id");
	}

	@Test
	void nobodyMovesACheckInOutOfTheCustomersWorkingHours() {
		smtp.start();
		String instance = runtimeService.startProcessInstanceByKey("first-week-check-in", ref).getId();
		jobs.executeAll(instance);
		String path = "/api/check-ins/" + checkInOf(instance).getId() + "/reschedule";

		ResponseEntity<JsonNode> sunday = api.post(users.csm(), path, "{\"startsAt\":\"2026-11-29T03:00\"}");
		ResponseEntity<JsonNode> evening = api.post(users.csm(), path, "{\"startsAt\":\"2026-11-26T16:45\"}");

		assertProblem(sunday, HttpStatus.BAD_REQUEST, "startsAt");
		assertThat(sunday.getBody().get("errors").get(0).get("message").asText()).contains("working hours")
			.contains("Europe/Madrid");
		assertProblem(evening, HttpStatus.BAD_REQUEST, "startsAt");
		assertThat(checkInOf(instance).getSequence()).isZero();
	}

	@Test
	void aCheckInIsMovedByWhoeverWorksItsTaskAndTheirLeadOnly() {
		smtp.start();
		String instance = runtimeService.startProcessInstanceByKey("first-week-check-in", ref).getId();
		jobs.executeAll(instance);
		CheckIn checkIn = checkInOf(instance);
		String path = "/api/check-ins/" + checkIn.getId() + "/reschedule";
		String thursday = "{\"startsAt\":\"2026-11-26T10:00\"}";
		String otherCsm = users.ensure("testcsmcolleague", Groups.CSM);
		taskService.claim(checkIn.getTaskId(), users.csm());

		assertThat(api.post(users.support(), path, thursday).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post(users.integration(), path, thursday).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post(otherCsm, path, thursday).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(checkInOf(instance).getSequence()).isZero();
		assertThat(api.post(users.ensure("testcsmleader", Groups.CSM_LEADS), path, thursday).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(api.post(users.csm(), path, "{\"startsAt\":\"2026-11-26T11:00\"}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void refusesMovingACheckInOutsideTheAcceptedYears() {
		smtp.start();
		String instance = runtimeService.startProcessInstanceByKey("first-week-check-in", ref).getId();
		jobs.executeAll(instance);
		CheckIn checkIn = checkInOf(instance);
		String path = "/api/check-ins/" + checkIn.getId() + "/reschedule";

		ResponseEntity<JsonNode> farFuture = api.post(users.csm(), path, "{\"startsAt\":\"+999999999-12-02T10:00\"}");
		ResponseEntity<JsonNode> beforeEpoch = api.post(users.csm(), path, "{\"startsAt\":\"1969-12-31T10:00:00Z\"}");

		assertProblem(farFuture, HttpStatus.BAD_REQUEST, "startsAt");
		assertThat(farFuture.getBody().get("errors").get(0).get("message").asText())
			.isEqualTo("'+999999999-12-02T10:00' must lie in the years 1970 to 2199 (UTC)");
		assertProblem(beforeEpoch, HttpStatus.BAD_REQUEST, "startsAt");
		assertThat(checkIns.findById(checkIn.getId()).orElseThrow().getSequence()).isZero();
	}

	@Test
	void namesEveryValueOfTheWrongTypeInAReschedule() {
		smtp.start();
		String instance = runtimeService.startProcessInstanceByKey("first-week-check-in", ref).getId();
		jobs.executeAll(instance);

		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/api/check-ins/" + checkInOf(instance).getId()
				+ "/reschedule", "{\"startsAt\":20261126,\"durationMinutes\":30.5}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors")).extracting(error -> error.get("field").asText() + ": "
				+ error.get("message").asText())
			.containsExactly("startsAt: must be a string, not 20261126", "durationMinutes: must be a whole number, not 30.5");
	}

	private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getBody().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
	}

	private void sendUpdates() {
		runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(CheckInChanges.UPDATE_PROCESS_KEY)
			.processInstanceBusinessKey(ref)
			.list()
			.forEach(update -> jobs.executeAll(update.getId()));
	}

	private CheckIn checkInOf(String instance) {
		String id = (String) historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableName("checkInId")
			.singleResult()
			.getValue();
		return checkIns.findById(id).orElseThrow();
	}

	private List<MimeMessage> emails() {
		return List.of(smtp.getReceivedMessagesForDomain(Customers.email(ref)))
			.stream()
			.filter(email -> !ReceivedMail.subject(email).startsWith("Te damos la bienvenida"))
			.toList();
	}

	private MimeMessage onlyEmail() {
		assertThat(emails()).hasSize(1);
		return emails().get(0);
	}

	private static String calendar(MimeMessage email) throws Exception {
		return ReceivedMail.part(email, "text/calendar").replace("\r\n ", "");
	}

}
