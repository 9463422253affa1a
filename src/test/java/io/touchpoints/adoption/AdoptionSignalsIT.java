package io.touchpoints.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.SignalTasks;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/**
 * Issue 10: the daily adoption evaluation, on demand through the API. Each signal puts one task in front of the
 * customer's CSM with the evidence, not again while that task is open nor within 14 days, and never for a healthy
 * customer; the adoption summary adds up to a hand count.
 */
@IntegrationTest
class AdoptionSignalsIT {

	/** Monday 2026-11-23, the engine's time in tests, is the subscription's start (Api.purchaseJson). */
	private static final Instant START = EngineTime.MONDAY_MORNING;

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
	RuntimeService runtimeService;

	@Autowired
	AdoptionEvaluation evaluation;

	@Autowired
	PendingSignalTasks pendingSignalTasks;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@AfterEach
	void removeSignalTasks() {
		SignalTasks.removeAll(runtimeService, pendingSignalTasks);
	}

	@Test
	void anInactiveCustomerReachesTheirCsmOnceNotAgainWithin14DaysNorWhileTheTaskIsOpen() {
		String ref = customers.create("Quiet Customer", "en", "Europe/London");
		customers.purchase(ref, false);
		EngineTime.set(START.plus(Duration.ofDays(9)));
		login(ref, START.plus(Duration.ofDays(1)));

		JsonNode result = evaluate();

		assertThat(result.get("evaluated").asInt()).isPositive();
		assertThat(result.get("flagged").asInt()).isPositive();
		assertThat(result.get("raised").get("inactive").asInt()).isPositive();
		List<Task> raised = signalTasksOf(ref);
		assertThat(raised).extracting(Task::getName)
			.containsExactly("Inactive: Quiet Customer has not logged in for 8 days");
		Task task = raised.get(0);
		assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId()).contains("csm");
		assertThat(task.getDescription()).contains("last logged in on 2026-11-24");
		assertThat((String) taskService.getVariable(task.getId(), "signalEvidence"))
			.contains("No login for 8 days (threshold 7", "2026-11-19 | 1 | 1 | 1 | 0");

		evaluate();
		assertThat(signalTasksOf(ref)).as("not again while the task is open").hasSize(1);

		taskService.complete(task.getId(), java.util.Map.of("outcome", "Called, they were on holiday"));
		EngineTime.set(START.plus(Duration.ofDays(15)));
		evaluate();
		assertThat(signalTasksOf(ref)).as("not again within 14 days").isEmpty();

		EngineTime.set(START.plus(Duration.ofDays(23)));
		evaluate();
		assertThat(signalTasksOf(ref)).as("again after 14 days of silence").hasSize(1);
	}

	@Test
	void twoEvaluationsAtOnceRaiseEachSignalOnce() throws Exception {
		String ref = customers.create("Twice Asked", "en", "Europe/London");
		customers.purchase(ref, false);
		EngineTime.set(START.plus(Duration.ofDays(9)));
		login(ref, START.plus(Duration.ofDays(1)));

		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<AdoptionEvaluation.Result>> runs = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				runs.add(nodes.submit(() -> {
					start.await();
					return evaluation.evaluate();
				}));
			}
			start.countDown();
			int inactiveRaised = 0;
			for (Future<AdoptionEvaluation.Result> run : runs) {
				inactiveRaised += run.get().raised().get("inactive") > 0 ? 1 : 0;
			}
			assertThat(inactiveRaised).as("one of the two raised the signals, the other found them raised").isOne();
		}
		finally {
			nodes.shutdownNow();
		}
		SignalTasks.awaitCreated(pendingSignalTasks);
		assertThat(signalTasksOf(ref)).extracting(Task::getName)
			.containsExactly("Inactive: Twice Asked has not logged in for 8 days");
	}

	@Test
	void aSignalRecordedByANodeThatStoppedGetsItsTaskFromTheNextRun() {
		String ref = customers.create("Left Behind", "en", "Europe/London");
		customers.purchase(ref, false);
		long id = signalRecordedWithoutItsTask(ref, "Left Behind");

		assertThat(pendingSignalTasks.createAll()).isPositive();
		assertThat(pendingSignalTasks.createAll()).as("created once").isZero();

		assertThat(signalTasksOf(ref)).extracting(Task::getName)
			.containsExactly("Inactive: Left Behind has not logged in for 8 days");
		assertThat(jdbc.queryForObject("select task_id from adoption_signal where customer_id = ?", String.class, id))
			.isEqualTo(signalTasksOf(ref).get(0).getId());
	}

	@Test
	void aSignalOfACustomerWhoChurnedBeforeItsTaskExistedIsClosedWithoutOne() {
		String ref = customers.create("Gone Before", "en", "Europe/London");
		customers.purchase(ref, false);
		long id = signalRecordedWithoutItsTask(ref, "Gone Before");
		assertThat(api.post(users.integration(), "/api/subscriptions/po-" + ref + "/cancellation",
				"{\"reason\":\"Closing down\"}").getStatusCode().is2xxSuccessful()).isTrue();

		pendingSignalTasks.createAll();

		assertThat(signalTasksOf(ref)).as("no task for a customer who left").isEmpty();
		assertThat(jdbc.queryForObject("select task_id from adoption_signal where customer_id = ?", String.class, id))
			.isEqualTo(PendingSignalTasks.NO_TASK);
	}

	@Test
	void aCustomerWhoseUsageFellBelowHalfTheirTrailingWeeksReachesTheirCsm() {
		String ref = customers.create("Fading Customer", "en", "Europe/London");
		customers.purchase(ref, false);
		EngineTime.set(START.plus(Duration.ofDays(70)));
		List<String> events = new ArrayList<>();
		// Ten weeks of 4 active days each; this week (the last 7 days) 1 day.
		for (int week = 1; week <= 9; week++) {
			for (int day = 0; day < 4; day++) {
				events.add(UsageEvents.login(ref, EngineTime.now().minus(Duration.ofDays(7L * week + day))));
				events.add(UsageEvents.featureUsed(ref, "dashboards", EngineTime.now().minus(Duration.ofDays(7L * week + day))));
			}
		}
		events.add(UsageEvents.login(ref, EngineTime.now().minus(Duration.ofHours(1))));
		post(events);

		evaluate();

		List<Task> raised = signalTasksOf(ref);
		assertThat(raised).extracting(Task::getName)
			.containsExactly("Usage falling: Fading Customer used the product less than 50% of their usual week");
		assertThat((String) taskService.getVariable(raised.get(0).getId(), "signalEvidence"))
			.contains("This week: 1 active days, 1 events.", "Trailing 9-week average: 4.0 active days, 8.0 events.");
	}

	@Test
	void aCustomerUsingNoStickyFeatureByDay30ReachesTheirCsmAndAHealthyOneDoesNot() {
		String basic = customers.create("Basic Customer", "en", "Europe/London");
		customers.purchase(basic, false);
		String healthy = customers.create("Healthy Customer", "en", "Europe/London");
		customers.purchase(healthy, false);
		EngineTime.set(START.plus(Duration.ofDays(31)));
		List<String> events = new ArrayList<>();
		for (int day = 0; day < 28; day++) {
			Instant at = EngineTime.now().minus(Duration.ofDays(day)).minusSeconds(60);
			events.add(UsageEvents.login(basic, at));
			events.add(UsageEvents.featureUsed(basic, "reports", at));
			events.add(UsageEvents.login(healthy, at));
			events.add(UsageEvents.featureUsed(healthy, "dashboards", at));
		}
		post(events);

		evaluate();

		assertThat(signalTasksOf(basic)).extracting(Task::getName)
			.containsExactly("Sticky features unused: Basic Customer uses none of dashboards, automations, integrations");
		assertThat(signalTasksOf(healthy)).as("a healthy customer bothers nobody").isEmpty();
	}

	@Test
	void theAdoptionSummaryAddsUpToAHandCount() {
		String ref = customers.create("Counted Customer", "en", "Europe/London");
		customers.purchase(ref, false);
		EngineTime.set(START.plus(Duration.ofDays(35)));
		Instant now = EngineTime.now();
		post(List.of(UsageEvents.login(ref, now.minus(Duration.ofHours(2))),
				UsageEvents.featureUsed(ref, "reports", now.minus(Duration.ofHours(2))),
				UsageEvents.featureUsed(ref, "dashboards", now.minus(Duration.ofDays(1))),
				UsageEvents.login(ref, now.minus(Duration.ofDays(8))),
				UsageEvents.login(ref, now.minus(Duration.ofDays(9))),
				UsageEvents.login(ref, now.minus(Duration.ofDays(9)).minusSeconds(60)),
				UsageEvents.event(ref, "ticket", "\"opened\"", now.minus(Duration.ofHours(3)),
						"{\"channel\":\"email\",\"ticketId\":\"T-" + ref + "\"}")));

		JsonNode summary = api.get(users.csm(), "/api/customers/" + ref + "/adoption").getBody();

		JsonNode weeks = summary.get("weeks");
		assertThat(weeks).hasSize(30);
		JsonNode thisWeek = weeks.get(29);
		assertThat(thisWeek.get("start").asText()).isEqualTo("2026-12-22");
		assertThat(thisWeek.get("activeDays").asInt()).isEqualTo(2);
		assertThat(thisWeek.get("logins").asInt()).isEqualTo(1);
		assertThat(thisWeek.get("events").asInt()).as("a support ticket is not use of the product").isEqualTo(3);
		assertThat(thisWeek.get("featuresUsed").asInt()).isEqualTo(2);
		JsonNode lastWeek = weeks.get(28);
		assertThat(lastWeek.get("activeDays").asInt()).isEqualTo(2);
		assertThat(lastWeek.get("logins").asInt()).isEqualTo(3);
		JsonNode breadth = summary.get("breadth");
		assertThat(breadth.get("featuresUsed").asInt()).isEqualTo(2);
		assertThat(breadth.get("featuresInCatalogue").asInt()).isEqualTo(4);
		assertThat(breadth.get("share").asDouble()).isEqualTo(0.5);
		assertThat(breadth.get("stickyUsed")).extracting(JsonNode::asText).containsExactly("dashboards");
		assertThat(breadth.get("stickyUnused")).extracting(JsonNode::asText).containsExactly("automations", "integrations");
		JsonNode trend = summary.get("trend");
		assertThat(trend.get("trailingWeeks").asInt()).as("four full weeks since the start on 2026-11-23").isEqualTo(4);
		assertThat(trend.get("activeDaysThisWeek").asInt()).isEqualTo(2);
		assertThat(trend.get("averageActiveDays").asDouble()).isEqualTo(0.5);
		assertThat(trend.get("averageEvents").asDouble()).isEqualTo(0.8);
		assertThat(summary.get("openSignals")).isEmpty();
	}

	@Test
	void theDailyRunEvaluatesEachDayOnceWhicheverNodeAsksFirst() {
		// A day no other test evaluates; what it raises for the suite's customers is removed afterwards.
		EngineTime.set(Instant.parse("2031-03-03T06:00:00Z"));
		java.sql.Date before = jdbc.queryForObject("select last_evaluated from adoption_evaluation", java.sql.Date.class);
		try {
			assertThat(evaluation.evaluateTodayOnce()).as("the first node to ask evaluates").isPresent();
			assertThat(evaluation.evaluateTodayOnce()).as("every other ask that day finds it done").isEmpty();
			EngineTime.advance(Duration.ofDays(1));
			assertThat(evaluation.evaluateTodayOnce()).as("the next day").isPresent();
		}
		finally {
			jdbc.update("delete from adoption_signal where raised_on >= ?", java.time.LocalDate.of(2031, 3, 3));
			jdbc.update("update adoption_evaluation set last_evaluated = ?", before);
		}
	}

	@Test
	void onlyCxOpsRunTheEvaluation() {
		assertThat(api.post(users.csm(), "/api/adoption/evaluations", "{}").getStatusCode().value()).isEqualTo(403);
		assertThat(api.get(users.csm(), "/api/customers/nobody-here/adoption").getStatusCode().value()).isEqualTo(404);
	}

	private JsonNode evaluate() {
		var response = api.post(users.cxOps(), "/api/adoption/evaluations", "{}");
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
		SignalTasks.awaitCreated(pendingSignalTasks);
		return response.getBody();
	}

	private void login(String ref, Instant at) {
		post(List.of(UsageEvents.login(ref, at)));
	}

	private void post(List<String> events) {
		var response = api.post(users.integration(), "/api/usage-events", UsageEvents.batch(events.toArray(String[]::new)));
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(202);
		assertThat(response.getBody().get("rejected")).isEmpty();
	}

	/** An inactive signal recorded as a node that stopped before creating its task leaves it; answers the customer id. */
	private long signalRecordedWithoutItsTask(String ref, String name) {
		long id = jdbc.queryForObject("select id from customer where external_ref = ?", Long.class, ref);
		jdbc.update("""
				insert into adoption_signal (customer_id, signal, raised_on, evidence, task_title, task_reason)
				values (?, 'inactive', ?, 'No login for 8 days', ?, 'Reach out before they give up on the product.')""", id,
				java.time.LocalDate.of(2026, 12, 2), "Inactive: " + name + " has not logged in for 8 days");
		return id;
	}

	private List<Task> signalTasksOf(String ref) {
		return taskService.createTaskQuery().processInstanceBusinessKey(ref)
			.processVariableValueEquals("taskType", AdoptionEvaluation.TASK_TYPE).list();
	}

}
