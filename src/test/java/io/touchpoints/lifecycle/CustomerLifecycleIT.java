package io.touchpoints.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import io.touchpoints.task.FollowUp;
import io.touchpoints.task.FollowUpTasks;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.process.ModelNames;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;

/**
 * Issue 9: one lifecycle per customer, chaining the journeys; churn ends everything of the cycle at once; an
 * expansion starts nothing; a churned customer's purchase brings them back.
 */
@IntegrationTest
class CustomerLifecycleIT {

	/** 03:00 in Madrid: the welcome email waits for the morning, people's work does not. */
	private static final Instant MADRID_NIGHT = Instant.parse("2026-11-24T02:00:00Z");

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
	FollowUpTasks followUpTasks;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Test
	void aPurchaseStartsTheLifecycleWithOnboardingInsideAndTheKickoffAtOnceAtNight() {
		EngineTime.set(MADRID_NIGHT);
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		String onboarding = customers.purchase(ref, false);
		jobs.executeAll(onboarding);

		ProcessInstance lifecycle = lifecycleOf(ref);
		assertThat(lifecycle).isWaitingAt("CallActivity_Onboarding", "CallActivity_FirstNinetyDays", "EventCatch_CustomerChurned")
			.hasPassed("ServiceTask_MoveToOnboarding");
		assertThat(taskService.createTaskQuery().processInstanceId(onboarding).taskDefinitionKey("UserTask_KickoffCall")
			.count()).as("kickoff task at 03:00 in Madrid").isOne();
		assertThat(smtp.getReceivedMessages()).as("the welcome email waits for the morning").isEmpty();
		assertThat(stageOf(ref)).isEqualTo("onboarding");
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Stage changed from conversion to onboarding");
	}

	@Test
	void churnEndsEveryJourneyOfTheCustomerAtOnceAndNothingIsSentAfterwards() {
		EngineTime.set(MADRID_NIGHT);
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		String onboarding = customers.purchase(ref, false);
		jobs.executeAll(onboarding);
		assertThat(managementService.createJobQuery().processInstanceId(onboarding).count())
			.as("the welcome email deferred to the morning").isOne();
		String followUp = followUpTasks.create(FollowUp.of(ref, "follow-up", "Call Ana about her data", null));

		cancel("po-" + ref);

		assertThat(taskService.createTaskQuery().taskId(followUp).count()).as("her follow-up task left Tasklist").isZero();

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(onboarding).count()).isZero();
		assertThat(managementService.createJobQuery().processInstanceId(onboarding).count()).isZero();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(ref).count()).isZero();
		ProcessInstance lifecycle = lifecycleOf(ref);
		assertThat(lifecycle).isWaitingAt("Gateway_WinbackWait");
		assertThat(stageOf(ref)).isEqualTo("winback");
		EngineTime.advance(Duration.ofDays(91));
		jobs.executeAll(lifecycle.getId());
		assertThat(smtp.getReceivedMessages()).as("nothing sent after churn, not even the deferred welcome").isEmpty();
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(lifecycle.getId())
			.activityId("ServiceTask_MoveToEngagement").count()).as("day 90 never reached").isZero();
	}

	@Test
	void aSecondPurchaseIsAnExpansionThatStartsNoSecondOnboarding() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		customers.purchase(ref, false);
		String lifecycle = lifecycleOf(ref).getId();

		ResponseEntity<JsonNode> expansion = api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"po2-%s","plan":"enterprise","startDate":"2026-11-23","renewalDate":"2027-05-23"}"""
			.formatted(ref));

		assertThat(expansion.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(expansion.getBody().get("processInstanceId").asText()).isEqualTo(lifecycle);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
			.processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING).count()).isOne();
		assertThat(api.timelineSummaries(users.csm(), ref))
			.contains("Purchase 'po2-" + ref + "' of plan enterprise recorded: an expansion, renewing on 2027-05-23");
		JsonNode subscriptions = api.get(users.integration(), "/api/customers/" + ref).getBody().get("subscriptions");
		assertThat(subscriptions).hasSize(2);
		assertThat(subscriptions.get(1).get("renewalDate").asText()).isEqualTo("2027-05-23");
	}

	@Test
	void cancellingOneOfTwoSubscriptionsEndsOnlyWhatBelongsToIt() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		String onboarding = customers.purchase(ref, false);
		api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"po2-%s","plan":"enterprise","startDate":"2026-11-23","renewalDate":"2027-05-23"}"""
			.formatted(ref));

		cancel("po2-" + ref);

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(onboarding).count())
			.as("the first purchase's onboarding goes on").isOne();
		assertThat(stageOf(ref)).isEqualTo("onboarding");

		cancel("po-" + ref);

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(onboarding).count()).isZero();
		assertThat(stageOf(ref)).isEqualTo("winback");
	}

	@Test
	void cancellingTheSubscriptionWhoseOnboardingRunsEndsItWithoutMovingTheCustomerOn() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		String onboarding = customers.purchase(ref, false);
		api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"po2-%s","plan":"enterprise","startDate":"2026-11-23","renewalDate":"2027-05-23"}"""
			.formatted(ref));

		cancel("po-" + ref);

		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(onboarding)
			.activityId("EndEvent_OnboardingCancelled").finished().count()).as("ended by its own cancellation").isOne();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(onboarding).count()).isZero();
		assertThat(lifecycleOf(ref)).isWaitingAt("CallActivity_FirstNinetyDays", "EventCatch_CustomerChurned")
			.hasPassed("Gateway_OnboardingSettled").hasNotPassed("ServiceTask_MoveToAdoption");
		assertThat(stageOf(ref)).isEqualTo("onboarding");
	}

	@Test
	void aChurnedCustomersPurchaseBringsThemBackToOnboarding() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);
		String lifecycle = lifecycleOf(ref).getId();
		cancel("po-" + ref);

		ResponseEntity<JsonNode> back = api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"back-%s","plan":"pro","startDate":"2026-12-01","renewalDate":"2027-12-01"}"""
			.formatted(ref));

		assertThat(back.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(back.getBody().get("processInstanceId").asText()).isEqualTo(lifecycle);
		assertThat(stageOf(ref)).isEqualTo("onboarding");
		String onboarding = customers.onboardingOf(lifecycle);
		assertThat(runtimeService.getVariable(onboarding, "purchaseId")).isEqualTo("back-" + ref);
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Stage changed from winback to onboarding");
	}

	private void cancel(String purchaseId) {
		assertThat(api.post(users.integration(), "/api/subscriptions/" + purchaseId + "/cancellation",
				"{\"reason\":\"Too expensive\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ProcessInstance lifecycleOf(String ref) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE)
			.processInstanceBusinessKey(ref)
			.singleResult();
	}

	private String stageOf(String ref) {
		return api.get(users.integration(), "/api/customers/" + ref).getBody().get("stage").asText();
	}

}
