package io.touchpoints.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.process.ModelNames;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.SignalTasks;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;
import io.touchpoints.task.TaskBriefings;

/**
 * Issue 10: the first 90 days beside onboarding. Check-ins at days 7, 30, 60 and 90 after the subscription start,
 * each in the customer's working hours with its invitation and a CSM task showing the check-in form; at day 90 the
 * adoption review moves a healthy customer on and puts one at risk in front of their CSM first.
 */
@IntegrationTest
class ProactiveSupportIT {

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
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	@Autowired
	TaskBriefings briefings;

	@Autowired
	PendingSignalTasks pendingSignalTasks;

	@Test
	void checkInsAtDays7And30And60And90InTheCustomersWorkingHours() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		assertThat(journey).as("the first 90 days run beside onboarding").isNotNull();

		List<JsonNode> checkIns = new ArrayList<>();
		jobs.executeAll(journey.getId());
		checkIns.add(latestCheckIn(journey));
		for (Duration wait : List.of(Duration.ofDays(16), Duration.ofDays(30), Duration.ofDays(30))) {
			EngineTime.advance(wait);
			jobs.executeAll(journey.getId());
			checkIns.add(latestCheckIn(journey));
		}

		// The subscription started on Monday 2026-11-23; day 90 is a Sunday, so that check-in is on the Monday.
		assertThat(checkIns).extracting(checkIn -> checkIn.get("startsAt").asText())
			.containsExactly("2026-11-30T09:00:00+01:00", "2026-12-23T09:00:00+01:00", "2027-01-22T09:00:00+01:00",
					"2027-02-22T09:00:00+01:00");
		assertThat(checkIns).extracting(checkIn -> checkIn.get("topic").asText())
			.containsExactly("tu primera semana", "tu primer mes", "tu segundo mes", "tu primer trimestre");
		for (JsonNode checkIn : checkIns) {
			Task task = taskService.createTaskQuery().taskId(checkIn.get("taskId").asText()).singleResult();
			assertThat(task.getName()).isEqualTo("Check-in with Ana García: " + checkIn.get("topic").asText());
			assertThat(task.getDueDate().toInstant()).as("due when the check-in takes place")
				.isEqualTo(OffsetDateTime.parse(checkIn.get("startsAt").asText()).toInstant());
			assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId())
				.contains("csm");
		}
		List<MimeMessage> invitations = invitationsTo(ref);
		assertThat(invitations).hasSize(4);
		assertThat(ReceivedMail.part(invitations.get(0), "text/calendar")).contains("SUMMARY:Tu primera semana",
				"DTSTART;TZID=Europe/Madrid:20261130T090000");
		assertThat(journey).isWaitingAt("TimerEvent_Day90");
	}

	@Test
	void theCheckInTaskRecordsWhatHappenedHowTheCustomerFeltAndAMomentOfDelight() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		jobs.executeAll(journey.getId());
		String taskId = latestCheckIn(journey).get("taskId").asText();

		var completed = api.post(users.csm(), "/engine-rest/task/" + taskId + "/submit-form", """
				{"variables":{"outcome":{"value":"held"},"notes":{"value":"Walked through the reports"},
				 "sentiment":{"value":"positive"},"delight":{"value":true},
				 "delightCause":{"value":"The export saved them a day of work"}}}""");

		assertThat(completed.getStatusCode().value()).as(String.valueOf(completed.getBody())).isEqualTo(204);
		assertThat(api.timelineSummaries(users.csm(), ref)).anyMatch(summary -> summary.startsWith("Task 'Check-in with Jean Dupont"));
		assertThat(api.get(users.csm(), "/api/customers/" + ref + "/timeline").getBody().toString()).contains("Outcome: held");
	}

	@Test
	void theCheckInTaskShowsTheAdoptionSummaryRenewedOnceADayWithinADayOfTheCall() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		Instant purchase = EngineTime.now();
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(UsageEvents.login(ref, purchase.minusSeconds(60)),
				UsageEvents.featureUsed(ref, "reports", purchase.minusSeconds(30))));
		customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		jobs.executeAll(journey.getId());
		String taskId = latestCheckIn(journey).get("taskId").asText();

		Map<String, Object> created = taskService.getVariables(taskId);
		assertThat(created).containsEntry("adoptionAsOf", "23 Nov 2026 (UTC), the last 7 days counting as this week")
			.containsEntry("adoptionSignals", "none open");
		assertThat((String) created.get("adoptionThisWeek")).startsWith("1 day active, 2 events;");
		assertThat((String) created.get("adoptionFeatures")).startsWith("1 of 4 features used; sticky features not used yet:");
		assertThat((String) created.get("adoptionWeeks")).endsWith("Week of 17 Nov 2026: 1 day, 2 events, 1 feature")
			.hasLineCount(CheckInBriefing.WEEKS_SHOWN);

		EngineTime.advance(Duration.ofDays(5)); // two days before the call
		briefings.renewDue();
		assertThat(taskService.getVariable(taskId, "adoptionAsOf")).as("not renewed more than a day before the call")
			.isEqualTo(created.get("adoptionAsOf"));

		EngineTime.advance(Duration.ofDays(2)); // the day of the call, Monday 30 November
		Instant now = EngineTime.now();
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(UsageEvents.login(ref, now.minus(Duration.ofDays(1))),
				UsageEvents.login(ref, now.minus(Duration.ofDays(2))), UsageEvents.login(ref, now.minus(Duration.ofDays(3)))));
		assertThat(briefings.renewDue()).as("at least this task's briefing renewed").isPositive();

		Map<String, Object> renewed = taskService.getVariables(taskId);
		assertThat(renewed).containsEntry("adoptionAsOf", "30 Nov 2026 (UTC), the last 7 days counting as this week");
		assertThat((String) renewed.get("adoptionThisWeek")).as("the week before began before their subscription")
			.isEqualTo("3 days active, 3 events; no earlier week of their subscription to compare with yet");

		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(UsageEvents.login(ref, now.minusSeconds(60))));
		briefings.renewDue();
		assertThat(taskService.getVariable(taskId, "adoptionThisWeek")).as("renewed once a day, not on every run")
			.isEqualTo(renewed.get("adoptionThisWeek"));
	}

	@Test
	void churnEndsTheJourneyAndCancelsTheCheckInInTheCustomersCalendar() throws Exception {
		String ref = customers.create("Leaving Customer", "en", "Europe/London");
		customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		jobs.executeAll(journey.getId());
		JsonNode checkIn = latestCheckIn(journey);

		assertThat(api.post(users.integration(), "/api/subscriptions/po-" + ref + "/cancellation",
				"{\"reason\":\"Too expensive\"}").getStatusCode().value()).isEqualTo(200);

		assertThat(journey).isEnded();
		assertThat(taskService.createTaskQuery().taskId(checkIn.get("taskId").asText()).count()).isZero();
		assertThat(api.get(users.csm(), "/api/check-ins/" + checkIn.get("id").asText()).getBody().get("status").asText())
			.isEqualTo("cancelled");
		runtimeService.createProcessInstanceQuery().processDefinitionKey("check-in-update").processInstanceBusinessKey(ref)
			.list().forEach(update -> jobs.executeAll(update.getId()));
		List<MimeMessage> calendar = invitationsTo(ref);
		assertThat(calendar).hasSize(2);
		assertThat(ReceivedMail.part(calendar.get(1), "text/calendar")).contains("METHOD:CANCEL", "STATUS:CANCELLED");
	}

	@Test
	void day90ReviewMovesAHealthyCustomerToEngagementWithoutATask() {
		String ref = customers.create("Healthy Customer", "en", "Europe/London");
		String onboarding = customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		completeOnboarding(ref, onboarding);
		reachDay90(journey, ref, 20);

		assertThat(journey).isEnded();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(ref).taskDefinitionKey("UserTask_ReviewAdoption")
			.count()).isZero();
		assertThat(stageOf(ref)).isEqualTo("engagement");
	}

	@Test
	void day90ReviewPutsACustomerAtRiskInFrontOfTheirCsmFirst() {
		String ref = customers.create("Stuck Customer", "en", "Europe/London");
		customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		reachDay90(journey, ref, 20);

		Task review = taskService.createTaskQuery().processInstanceId(journey.getId())
			.taskDefinitionKey("UserTask_ReviewAdoption").singleResult();
		assertThat(review).as("onboarding not complete at day 90").isNotNull();
		assertThat(review.getDescription()).contains("Onboarding is not complete after 90 days");
		assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(link -> link.getGroupId()).contains("csm");
		assertThat(taskService.getVariables(review.getId())).containsEntry("customerName", "Stuck Customer");
		assertThat(stageOf(ref)).isEqualTo("onboarding");

		taskService.complete(review.getId(), Map.of("outcome", "Agreed a training plan"));

		assertThat(journey).isEnded();
		assertThat(stageOf(ref)).as("engagement after the review, even with onboarding still open").isEqualTo("engagement");
	}

	@Test
	void aRarelyActivePremiumCustomerIsAtRiskEvenWithOnboardingComplete() {
		String ref = customers.create("Quiet Premium", "en", "Europe/London", "premium", 20000);
		String onboarding = customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		completeOnboarding(ref, onboarding);
		reachDay90(journey, ref, 10);

		Task review = taskService.createTaskQuery().processInstanceId(journey.getId())
			.taskDefinitionKey("UserTask_ReviewAdoption").singleResult();
		assertThat(review.getDescription()).contains("Active on fewer than 12 of the last 28 days");
		assertThat(stageOf(ref)).as("an onboarding finished before day 90 moved them to adoption").isEqualTo("adoption");
	}

	@Test
	void anOpenAdoptionSignalPutsTheCustomerAtRiskAtDay90() {
		String ref = customers.create("Signalled Customer", "en", "Europe/London");
		String onboarding = customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		completeOnboarding(ref, onboarding);
		jobs.executeAll(journey.getId());
		for (Duration wait : List.of(Duration.ofDays(16), Duration.ofDays(30), Duration.ofDays(30))) {
			EngineTime.advance(wait);
			jobs.executeAll(journey.getId());
		}
		EngineTime.advance(Duration.ofDays(14));
		assertThat(api.post(users.cxOps(), "/api/adoption/evaluations", "{}").getStatusCode().value()).isEqualTo(200);
		SignalTasks.awaitCreated(pendingSignalTasks);
		try {
			String[] logins = new String[20];
			for (int day = 0; day < 20; day++) {
				logins[day] = UsageEvents.login(ref, EngineTime.now().minus(Duration.ofDays(day)).minusSeconds(60));
			}
			api.post(users.integration(), "/api/usage-events", UsageEvents.batch(logins));
			jobs.executeAll(journey.getId());

			Task review = taskService.createTaskQuery().processInstanceId(journey.getId())
				.taskDefinitionKey("UserTask_ReviewAdoption").singleResult();
			assertThat(review.getDescription()).contains("An adoption signal is still open");
		}
		finally {
			SignalTasks.removeAll(runtimeService, pendingSignalTasks);
		}
	}

	@Test
	void aWeeklyTipAboutTheMostValuableUnusedFeatureNeverTwiceNorForAFeatureUsedMeanwhile() throws Exception {
		String ref = customers.create("Lucía Pérez", "es", "Europe/Madrid");
		customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		jobs.executeAll(journey.getId());

		EngineTime.advance(Duration.ofDays(7));
		jobs.executeAll(journey.getId());
		assertThat(tipsTo(ref)).containsExactly("Un informe que tu equipo abrirá cada lunes, Lucía Pérez");

		assertThat(api.post(users.integration(), "/api/usage-events", UsageEvents.batch(
				UsageEvents.featureUsed(ref, "dashboards", EngineTime.now().minus(Duration.ofHours(1))))).getStatusCode().value())
			.isEqualTo(202);
		EngineTime.advance(Duration.ofDays(7));
		jobs.executeAll(journey.getId());
		assertThat(tipsTo(ref)).as("not reports again, not dashboards (used meanwhile)")
			.containsExactly("Un informe que tu equipo abrirá cada lunes, Lucía Pérez",
					"Deja que Touchpoints haga el trabajo repetitivo, Lucía Pérez");
		assertThat(runtimeService.getVariable(journey.getId(), "tippedFeatures")).isEqualTo("reports,automations");
	}

	@Test
	void noTipOnceEveryStickyFeatureIsInUse() throws Exception {
		String ref = customers.create("Power User", "en", "Europe/London");
		customers.purchase(ref, false);
		ProcessInstance journey = journeyOf(ref);
		jobs.executeAll(journey.getId());
		Instant before = EngineTime.now().plus(Duration.ofDays(7)).minus(Duration.ofHours(1));
		EngineTime.advance(Duration.ofDays(7));
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(
				UsageEvents.featureUsed(ref, "dashboards", before), UsageEvents.featureUsed(ref, "automations", before),
				UsageEvents.featureUsed(ref, "integrations", before)));

		jobs.executeAll(journey.getId());

		assertThat(tipsTo(ref)).isEmpty();
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(journey.getId())
			.activityId("EndEvent_TipsDone").count()).as("the tips are over").isOne();
	}

	/** Walks the journey to day 90, the customer logging in on the given number of the last 28 days. */
	private void reachDay90(ProcessInstance journey, String ref, int activeDays) {
		jobs.executeAll(journey.getId());
		for (Duration wait : List.of(Duration.ofDays(16), Duration.ofDays(30), Duration.ofDays(30))) {
			EngineTime.advance(wait);
			jobs.executeAll(journey.getId());
		}
		EngineTime.advance(Duration.ofDays(14));
		Instant now = EngineTime.now();
		String[] logins = new String[activeDays];
		for (int day = 0; day < activeDays; day++) {
			logins[day] = UsageEvents.login(ref, now.minus(Duration.ofDays(day)).minusSeconds(60));
		}
		if (activeDays > 0) {
			assertThat(api.post(users.integration(), "/api/usage-events", UsageEvents.batch(logins)).getStatusCode().value())
				.isEqualTo(202);
		}
		jobs.executeAll(journey.getId());
		jobs.executeAll(runtimeService.createProcessInstanceQuery().processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE)
			.processInstanceBusinessKey(ref).singleResult().getId());
	}

	private void completeOnboarding(String ref, String onboarding) {
		jobs.executeAll(onboarding);
		Task kickoff = taskService.createTaskQuery().processInstanceId(onboarding).taskDefinitionKey("UserTask_KickoffCall")
			.singleResult();
		taskService.complete(kickoff.getId(), Map.of("callDate", "2026-11-24", "migrationNeeded", false));
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(
				UsageEvents.milestone(ref, "technical-setup-verified", EngineTime.now()),
				UsageEvents.milestone(ref, "training-completed", EngineTime.now())));
		jobs.executeAll(onboarding);
		assertThat(stageOf(ref)).isEqualTo("adoption");
	}

	private ProcessInstance journeyOf(String ref) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey("proactive-support")
			.processInstanceBusinessKey(ref).singleResult();
	}

	private JsonNode latestCheckIn(ProcessInstance journey) {
		String id = (String) runtimeService.getVariable(journey.getId(), "checkInId");
		return api.get(users.csm(), "/api/check-ins/" + id).getBody();
	}

	/** Subjects of the tips the customer received, oldest first. */
	private List<String> tipsTo(String ref) {
		return List.of(smtp.getReceivedMessagesForDomain(Customers.email(ref))).stream()
			.filter(email -> !ReceivedMail.subject(email).startsWith("Reunión") && !ReceivedMail.subject(email).startsWith("Check-in")
					&& !ReceivedMail.subject(email).startsWith("Te damos") && !ReceivedMail.subject(email).startsWith("Welcome"))
			.map(ReceivedMail::subject)
			.toList();
	}

	private List<MimeMessage> invitationsTo(String ref) throws Exception {
		List<MimeMessage> invitations = new ArrayList<>();
		for (MimeMessage email : smtp.getReceivedMessagesForDomain(Customers.email(ref))) {
			if (ReceivedMail.part(email, "text/calendar") != null) {
				invitations.add(email);
			}
		}
		return invitations;
	}

	private String stageOf(String ref) {
		return api.get(users.integration(), "/api/customers/" + ref).getBody().get("stage").asText();
	}

}
