package io.touchpoints.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.signal.CustomerSignal;
import io.touchpoints.signal.CustomerSignals;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/**
 * The onboarding journey from purchase to adoption: checklist milestones reached by usage events or by people,
 * the migration branch only when needed, early events, nudges and escalations on missed targets, cancellation.
 */
@IntegrationTest
class OnboardingJourneyIT {

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
	CustomerRegistry customerRegistry;

	@Autowired
	CustomerSignals signals;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	HistoryService historyService;

	@Test
	void milestonesReportedByTheProductCompleteOnboarding() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		ProcessInstance instance = kickoffHeld(ref, true, false);
		assertThat(instance).isWaitingAt("UserTask_DataMigrated", "UserTask_SetupVerified", "UserTask_TrainingCompleted");

		EngineTime.advance(Duration.ofDays(3));
		ResponseEntity<JsonNode> response = api.post(users.integration(), "/api/usage-events", UsageEvents.batch(
				UsageEvents.milestone(ref, "technical-setup-verified", EngineTime.now()),
				UsageEvents.milestone(ref, "data-migrated", EngineTime.now()),
				UsageEvents.milestone(ref, "training-completed", EngineTime.now())));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(response.getBody().get("accepted").asInt()).isEqualTo(3);
		assertThat(instance).isWaitingAt("ServiceTask_CompleteOnboarding");
		assertThat(historyService.createUserOperationLogQuery()
			.processInstanceId(instance.getId())
			.operationType(UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE)
			.count()).as("the service signals milestones in nobody's name, not the integration user's").isZero();
		jobs.executeAll(instance.getId());

		assertThat(instance).isEnded().hasPassed("EndEvent_CustomerOnboarded").hasNotPassed("ServiceTask_RecordSetupVerified");
		assertThat(api.get(users.integration(), "/api/customers/" + ref).getBody().get("stage").asText()).isEqualTo("adoption");
		assertThat(subjects(ref)).containsExactly("Te damos la bienvenida a Touchpoints, Ana García",
				"Todo listo, Ana García: incorporación completada");
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Onboarding completed after 3.0 days", "Stage changed from onboarding to adoption")
			.anyMatch(summary -> summary.startsWith("Milestone 'data-migrated' reached: usage event e-"))
			.anyMatch(summary -> summary.startsWith("Milestone 'technical-setup-verified' reached: usage event e-"));
	}

	@Test
	void peopleCompletingTheMilestoneTasksCompleteOnboarding() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		ProcessInstance instance = kickoffHeld(ref, false, false);

		completeAs(users.support(), instance, "UserTask_SetupVerified");
		completeAs(users.csm(), instance, "UserTask_TrainingCompleted");
		jobs.executeAll(instance.getId());

		assertThat(instance).isEnded().hasPassed("ServiceTask_RecordSetupVerified", "ServiceTask_RecordTrainingCompleted");
		assertThat(api.timelineSummaries(users.csm(), ref)).contains(
				"Milestone 'technical-setup-verified' reached: task completed by " + TestUsers.SUPPORT,
				"Milestone 'training-completed' reached: task completed by " + TestUsers.CSM);
	}

	@Test
	void migrationBranchIsSkippedWhenTheCustomerDoesNotMigrate() {
		ProcessInstance instance = kickoffHeld(customers.create("Jean Dupont", "fr", "Europe/Paris"), false, false);

		assertThat(instance).isWaitingAt("UserTask_SetupVerified", "UserTask_TrainingCompleted")
			.hasNotPassed("ServiceTask_CheckDataMigrated");
		completeAs(users.support(), instance, "UserTask_SetupVerified");
		completeAs(users.csm(), instance, "UserTask_TrainingCompleted");
		assertThat(instance).as("the checklist does not wait for the migration it skipped")
			.isWaitingAt("ServiceTask_CompleteOnboarding");
	}

	@Test
	void migrationFoundNeededAtTheKickoffCallAddsTheMigrationMilestone() {
		ProcessInstance instance = kickoffHeld(customers.create("Jean Dupont", "fr", "Europe/Paris"), false, true);

		assertThat(instance).isWaitingAt("UserTask_DataMigrated", "UserTask_SetupVerified", "UserTask_TrainingCompleted");
	}

	@Test
	void milestoneReportedBeforeTheJourneyWaitsForItStillCounts() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		ProcessInstance instance = instance(customers.purchase(ref, false));
		jobs.executeAll(instance.getId());
		assertThat(instance).isWaitingAt("UserTask_KickoffCall");

		api.post(users.integration(), "/api/usage-events",
				UsageEvents.batch(UsageEvents.milestone(ref, "technical-setup-verified", EngineTime.now())));
		completeKickoff(instance, false);

		assertThat(instance).isWaitingAt("UserTask_TrainingCompleted")
			.hasPassed("ServiceTask_CheckSetupVerified", "Gateway_SetupVerifiedSettled")
			.hasNotPassed("UserTask_SetupVerified");
	}

	@Test
	void milestoneRecordedWhileTheServiceStoppedBeforeSignallingIsSentByTheSweep() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		ProcessInstance instance = kickoffHeld(ref, false, false);
		long customerId = customerRegistry.require(ref, "customerRef").getId();
		// What a usage batch commits before it signals the journey; the node stops here.
		transactions.execute(status -> signals.record(List.of(CustomerSignal.milestone(customerId,
				"technical-setup-verified", EngineTime.now(), "e-before-the-crash"))));
		assertThat(instance).isWaitingAt("UserTask_SetupVerified", "UserTask_TrainingCompleted");

		int sent = signals.sweep();

		assertThat(sent).isOne();
		assertThat(instance).isWaitingAt("UserTask_TrainingCompleted").hasPassed("BoundaryEvent_SetupVerifiedByEvent");
		assertThat(signals.sweep()).as("nothing is sent twice").isZero();
	}

	@Test
	void missedTargetNudgesTheCustomerAndTwiceTheTargetAlertsTheirCsm() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		ProcessInstance instance = kickoffHeld(ref, false, false);

		EngineTime.advance(Duration.ofDays(7));
		jobs.executeAll(instance.getId());

		assertThat(subjects(ref)).contains("Un coup de main pour la configuration technique, Jean Dupont ?");
		assertThat(instance).isWaitingAt("UserTask_SetupVerified", "UserTask_TrainingCompleted");
		assertThat(alertsFor(ref)).isEmpty();

		EngineTime.advance(Duration.ofDays(7));
		jobs.executeAll(instance.getId());

		List<Task> alerts = alertsFor(ref);
		assertThat(alerts).extracting(Task::getName).containsExactly("Technical setup is overdue for Jean Dupont");
		assertThat(taskService.getIdentityLinksForTask(alerts.get(0).getId())).extracting(link -> link.getGroupId())
			.contains("csm");
		assertThat(instance).isWaitingAt("UserTask_SetupVerified", "UserTask_TrainingCompleted");
		var help = smtp.getReceivedMessagesForDomain(Customers.email(ref))[1];
		assertThat(ReceivedMail.part(help, "text/plain")).contains("vérification de configuration");
	}

	@Test
	void cancelledSubscriptionEndsTheOnboardingCleanly() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		ProcessInstance instance = kickoffHeld(ref, true, false);

		ResponseEntity<JsonNode> cancelled = api.post(users.integration(), "/api/subscriptions/po-" + ref + "/cancellation",
				"{\"reason\":\"Moving to another tool\"}");
		ResponseEntity<JsonNode> again = api.post(users.integration(), "/api/subscriptions/po-" + ref + "/cancellation", "");

		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancelled.getBody().get("status").asText()).isEqualTo("cancelled");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("reason").asText()).isEqualTo("Moving to another tool");
		// The customer churned: the lifecycle ended the onboarding with everything else of the cycle.
		assertThat(instance).isEnded();
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(api.get(users.integration(), "/api/customers/" + ref).getBody().get("stage").asText()).isEqualTo("winback");
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Subscription 'po-" + ref + "' cancelled");
		assertThat(api.post(users.integration(), "/api/subscriptions/no-such-purchase/cancellation", "{}").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private ProcessInstance kickoffHeld(String ref, boolean migrating, boolean migrationNeeded) {
		ProcessInstance instance = instance(customers.purchase(ref, migrating));
		jobs.executeAll(instance.getId());
		completeKickoff(instance, migrationNeeded);
		return instance;
	}

	private void completeKickoff(ProcessInstance instance, boolean migrationNeeded) {
		Task kickoff = taskService.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey("UserTask_KickoffCall")
			.singleResult();
		taskService.complete(kickoff.getId(), Map.of("callDate", "2026-11-24", "migrationNeeded", migrationNeeded));
	}

	private void completeAs(String user, ProcessInstance instance, String taskKey) {
		String taskId = taskService.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId();
		assertThat(api.post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(api.post(user, "/engine-rest/task/" + taskId + "/complete", "{}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	private List<Task> alertsFor(String ref) {
		return taskService.createTaskQuery().processVariableValueEquals("customerRef", ref)
			.taskVariableValueEquals("taskType", "milestone-escalation")
			.list();
	}

	private ProcessInstance instance(String id) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	private List<String> subjects(String ref) {
		return List.of(smtp.getReceivedMessagesForDomain(Customers.email(ref))).stream().map(ReceivedMail::subject).toList();
	}

}
