package io.touchpoints.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/**
 * Issue 10: support measured. Ticket and live-contact events (bad ones refused with reasons), the 24-hour first
 * response escalation and its absence, and the figures per month, week, channel and stage against a hand count.
 */
@IntegrationTest
class SupportMetricsIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	TaskService taskService;

	@Autowired
	UnansweredTickets unansweredTickets;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtimeService;

	@Autowired
	io.touchpoints.support.Jobs jobs;

	@Test
	void badTicketAndLiveContactEventsAreRefusedWithReasons() {
		String ref = customers.create("Ticket Customer", "en", "Europe/London");
		Instant now = EngineTime.now().minus(Duration.ofMinutes(1));
		JsonNode answer = post(List.of(
				ticket(ref, "opened", now, "{\"channel\":\"fax\",\"ticketId\":\"T-1\"}"),
				ticket(ref, "resolved", now, "{\"channel\":\"email\",\"ticketId\":\"T-1\"}"),
				ticket(ref, "opened", now, "{\"channel\":\"email\",\"ticketId\":\"T-1\",\"agentContacts\":2}"),
				ticket(ref, "escalated", now, "{\"channel\":\"email\",\"ticketId\":\"T-1\"}"),
				contact(ref, "answered", now, "{\"channel\":\"chat\",\"contactId\":\"C-1\"}"),
				contact(ref, "ringing", now, "{\"channel\":\"chat\",\"contactId\":\"C-1\"}"),
				contact(ref, "abandoned", now, "{\"channel\":\"phone\",\"contactId\":\"C-1\",\"waitSeconds\":-3}"),
				contact(ref, "queued", now, "{\"channel\":\"phone\"}")));

		assertThat(answer.get("accepted").asInt()).isZero();
		assertThat(answer.get("rejected")).hasSize(8);
		assertThat(problemsOf(answer, 0)).contains("properties.channel must be one of [email, chat, phone, web] for ticket events");
		assertThat(problemsOf(answer, 1)).contains("properties.agentContacts must be a whole number from 1 to 1000 on resolved "
				+ "tickets: how many times an agent contacted the customer");
		assertThat(problemsOf(answer, 2)).contains("properties.agentContacts belongs to resolved tickets only");
		assertThat(problemsOf(answer, 3)).contains("name must be one of [opened, first_response, resolved, reopened] for ticket events");
		assertThat(problemsOf(answer, 4)).contains("properties.waitSeconds must be a whole number from 0 to 604800 on answered "
				+ "live contacts: how long the customer waited");
		assertThat(problemsOf(answer, 5)).contains("name must be one of [queued, answered, abandoned] for live_contact events");
		assertThat(problemsOf(answer, 6)).contains("properties.waitSeconds must be a whole number from 0 to 604800 on abandoned "
				+ "live contacts: how long the customer waited");
		assertThat(problemsOf(answer, 7)).contains("properties.contactId is required for live_contact events: 1 to 100 letters, "
				+ "digits or . _ : @ -");
	}

	@Test
	void aTicketWithoutAFirstResponseIn24HoursReachesTheSupportLeadsOnce() {
		String ref = customers.create("Waiting Customer", "en", "Europe/London");
		String late = "T-" + UUID.randomUUID();
		String answered = "T-" + UUID.randomUUID();
		Instant opened = EngineTime.now().minus(Duration.ofMinutes(5));
		post(List.of(ticket(ref, "opened", opened, channel("email", late)),
				ticket(ref, "opened", opened, channel("chat", answered)),
				ticket(ref, "first_response", opened, channel("chat", answered))));

		EngineTime.advance(Duration.ofHours(23));
		unansweredTickets.sweep();
		assertThat(tasksOf(ref)).as("not yet 24 hours").isEmpty();

		EngineTime.advance(Duration.ofHours(2));
		unansweredTickets.sweep();
		unansweredTickets.sweep();

		List<Task> tasks = tasksOf(ref);
		assertThat(tasks).extracting(Task::getName).containsExactly("No first response: ticket " + late + " of Waiting Customer");
		assertThat(taskService.getIdentityLinksForTask(tasks.get(0).getId())).extracting(link -> link.getGroupId())
			.containsExactly("support-leads");
		assertThat(tasks.get(0).getDescription()).contains("has had no first response for 24 hours");
	}

	@Test
	void theFiguresAddUpToAHandCount() {
		String email = customers.create("Counted Email", "en", "Europe/London");
		customers.purchase(email, false);
		String id = UUID.randomUUID().toString().substring(0, 8);
		List<String> events = new ArrayList<>(List.of(
				ticket(email, "opened", at("2026-10-02T10:00:00Z"), channel("email", "T1-" + id)),
				ticket(email, "first_response", at("2026-10-02T12:00:00Z"), channel("email", "T1-" + id)),
				ticket(email, "resolved", at("2026-10-02T15:00:00Z"), resolved("email", "T1-" + id, 1)),
				ticket(email, "opened", at("2026-10-03T10:00:00Z"), channel("chat", "T2-" + id)),
				ticket(email, "first_response", at("2026-10-05T10:00:00Z"), channel("chat", "T2-" + id)),
				ticket(email, "resolved", at("2026-10-06T10:00:00Z"), resolved("chat", "T2-" + id, 3)),
				ticket(email, "opened", at("2026-10-04T10:00:00Z"), channel("email", "T3-" + id)),
				ticket(email, "resolved", at("2026-10-04T18:00:00Z"), resolved("email", "T3-" + id, 1)),
				ticket(email, "first_response", at("2026-10-04T16:00:00Z"), channel("email", "T3-" + id)),
				ticket(email, "reopened", at("2026-10-06T09:00:00Z"), channel("email", "T3-" + id)),
				ticket(email, "opened", at("2026-10-10T10:00:00Z"), channel("phone", "T4-" + id)),
				contact(email, "queued", at("2026-10-12T10:00:00Z"), live("chat", "C1-" + id, null)),
				contact(email, "answered", at("2026-10-12T10:00:30Z"), live("chat", "C1-" + id, 30)),
				contact(email, "answered", at("2026-10-13T10:06:40Z"), live("phone", "C2-" + id, 400)),
				contact(email, "abandoned", at("2026-10-14T10:00:05Z"), live("chat", "C3-" + id, 5)),
				contact(email, "abandoned", at("2026-10-15T10:01:00Z"), live("phone", "C4-" + id, 60))));
		assertThat(post(events).get("accepted").asInt()).isEqualTo(events.size());

		JsonNode month = api.get(users.cxOps(), "/api/metrics/support?from=2026-10&to=2026-10").getBody().get("periods").get(0);

		JsonNode overall = month.get("overall");
		assertThat(month.get("period").asText()).isEqualTo("2026-10");
		assertThat(overall.get("tickets").asInt()).isEqualTo(4);
		assertFigure(overall.get("firstAnsweredInTime"), 0.5, 0.9, false);
		assertFigure(overall.get("medianFirstResponseHours"), 6.0, 8.0, true);
		assertFigure(overall.get("firstContactResolution"), 0.333, 0.7, false);
		assertThat(overall.get("liveContacts").asInt()).as("the 5-second abandon is not counted").isEqualTo(3);
		assertFigure(overall.get("medianWaitSeconds"), 215.0, 90.0, false);
		assertFigure(overall.get("longWaitShare"), 0.333, 0.1, false);
		assertFigure(overall.get("abandonment"), 0.333, 0.08, false);
		JsonNode byEmail = month.get("byChannel").get("email");
		assertThat(byEmail.get("tickets").asInt()).isEqualTo(2);
		assertFigure(byEmail.get("firstAnsweredInTime"), 1.0, 0.9, true);
		assertFigure(byEmail.get("medianFirstResponseHours"), 4.0, 8.0, true);
		assertFigure(byEmail.get("firstContactResolution"), 0.5, 0.7, false);
		JsonNode onboarding = month.get("byStage").get("onboarding");
		assertThat(onboarding.get("tickets").asInt()).isEqualTo(4);
		assertFigure(onboarding.get("medianFirstResponseHours"), 6.0, 4.0, false);

		JsonNode weeks = api.get(users.integration(), "/api/metrics/support?from=2026-10&to=2026-10&by=week").getBody()
			.get("periods");
		assertThat(weeks).extracting(week -> week.get("period").asText())
			.containsExactly("2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44");
		assertThat(weeks.get(0).get("start").asText()).isEqualTo("2026-10-01");
		assertThat(weeks.get(0).get("overall").get("tickets").asInt()).isEqualTo(3);
		assertThat(weeks.get(1).get("overall").get("tickets").asInt()).isEqualTo(1);
		assertThat(weeks.get(1).get("overall").get("liveContacts").asInt()).as("the contacts came in from Monday 12 October").isZero();
		assertThat(weeks.get(2).get("overall").get("liveContacts").asInt()).isEqualTo(3);
	}

	@Test
	void momentsOfDelightRecordedOnCheckInsAreListedWithWhatLedToThem() {
		String ref = customers.create("Delighted Customer", "en", "Europe/London");
		customers.purchase(ref, false);
		String journey = runtimeService.createProcessInstanceQuery().processDefinitionKey("proactive-support")
			.processInstanceBusinessKey(ref).singleResult().getId();
		jobs.executeAll(journey);
		Task checkIn = taskService.createTaskQuery().processInstanceBusinessKey(ref)
			.processVariableValueEquals("taskType", "check-in").singleResult();

		taskService.complete(checkIn.getId(), java.util.Map.of("outcome", "held", "sentiment", "positive", "delight", true,
				"delightCause", "Their first automated report went out"));

		JsonNode month = api.get(users.cxOps(), "/api/metrics/support?from=2026-11&to=2026-11").getBody().get("periods").get(0);
		assertThat(month.get("momentsOfDelight")).anySatisfy(delight -> {
			assertThat(delight.get("customerRef").asText()).isEqualTo(ref);
			assertThat(delight.get("on").asText()).isEqualTo("2026-11-23");
			assertThat(delight.get("cause").asText()).isEqualTo("Their first automated report went out");
		});
	}

	@Test
	void badQueriesAreRefusedNamingTheParameter() {
		assertThat(api.get(users.cxOps(), "/api/metrics/support?by=day").getStatusCode().value()).isEqualTo(400);
		assertThat(api.get(users.cxOps(), "/api/metrics/support?from=2026-13").getBody().toString()).contains("from");
		assertThat(api.get(users.csm(), "/api/metrics/support").getStatusCode().value()).isEqualTo(403);
	}

	private static void assertFigure(JsonNode figure, double value, double target, boolean met) {
		assertThat(figure.get("value").asDouble()).isEqualTo(value);
		assertThat(figure.get("target").asDouble()).isEqualTo(target);
		assertThat(figure.get("met").asBoolean()).isEqualTo(met);
	}

	private List<Task> tasksOf(String ref) {
		return taskService.createTaskQuery().processInstanceBusinessKey(ref)
			.processVariableValueEquals("taskType", UnansweredTickets.TASK_TYPE).list();
	}

	private static List<String> problemsOf(JsonNode answer, int index) {
		List<String> problems = new ArrayList<>();
		answer.get("rejected").forEach(rejection -> {
			if (rejection.get("index").asInt() == index) {
				rejection.get("problems").forEach(problem -> problems.add(problem.asText()));
			}
		});
		return problems;
	}

	private JsonNode post(List<String> events) {
		var response = api.post(users.integration(), "/api/usage-events", UsageEvents.batch(events.toArray(String[]::new)));
		assertThat(response.getStatusCode().value()).isEqualTo(202);
		return response.getBody();
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

	private static String ticket(String ref, String name, Instant at, String properties) {
		return UsageEvents.event(ref, "ticket", "\"" + name + "\"", at, properties);
	}

	private static String contact(String ref, String name, Instant at, String properties) {
		return UsageEvents.event(ref, "live_contact", "\"" + name + "\"", at, properties);
	}

	private static String channel(String channel, String ticketId) {
		return "{\"channel\":\"" + channel + "\",\"ticketId\":\"" + ticketId + "\"}";
	}

	private static String resolved(String channel, String ticketId, int agentContacts) {
		return "{\"channel\":\"" + channel + "\",\"ticketId\":\"" + ticketId + "\",\"agentContacts\":" + agentContacts + "}";
	}

	private static String live(String channel, String contactId, Integer waitSeconds) {
		return "{\"channel\":\"" + channel + "\",\"contactId\":\"" + contactId + "\"" + (waitSeconds == null ? ""
				: ",\"waitSeconds\":" + waitSeconds) + "}";
	}

}
