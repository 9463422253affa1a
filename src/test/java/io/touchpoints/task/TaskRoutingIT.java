package io.touchpoints.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestModels;
import io.touchpoints.support.TestUsers;

/**
 * The routing table decides who works a task and when it is due; an overdue task escalates to the lead group,
 * once; follow-up tasks block no journey; completing a task is written on the customer's timeline.
 */
@IntegrationTest
class TaskRoutingIT {

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
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	TaskEscalations escalations;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	@AfterEach
	void removeModels() {
		models.removeAll();
	}

	@Test
	void premiumCustomersKickoffIsDueWithinADayOthersWithinTwo() {
		Task premium = kickoffTaskOf(customers.create("Ana García", "es", "Europe/Madrid", "premium", 12000));
		Task standard = kickoffTaskOf(customers.create("Jean Dupont", "fr", "Europe/Paris", "standard", 900));
		Task valuable = kickoffTaskOf(customers.create("Hans Weber", "de", "Europe/Berlin", "standard", 80000));

		assertThat(premium.getDueDate().toInstant()).isEqualTo(EngineTime.MONDAY_MORNING.plus(Duration.ofHours(24)));
		assertThat(standard.getDueDate().toInstant()).isEqualTo(EngineTime.MONDAY_MORNING.plus(Duration.ofHours(48)));
		assertThat(valuable.getDueDate().toInstant()).isEqualTo(EngineTime.MONDAY_MORNING.plus(Duration.ofHours(24)));
		assertThat(candidateGroups(premium)).containsExactly("csm");
		assertThat(taskService.getVariableLocal(premium.getId(), "taskType")).isEqualTo("kickoff-call");
	}

	@Test
	void overdueTaskEscalatesOnceToTheLeadGroupAndStaysOpen() throws Exception {
		String name = "Jean Dupont " + UUID.randomUUID().toString().substring(0, 8);
		String ref = customers.create(name, "fr", "Europe/Paris");
		Task kickoff = kickoffTaskOf(ref);
		EngineTime.advance(Duration.ofHours(47));
		escalations.sweep();
		assertThat(escalationsOf(ref)).as("not yet due").isEmpty();

		EngineTime.advance(Duration.ofHours(2));
		escalations.sweep();
		escalations.sweep();

		assertThat(escalationsOf(ref)).as("escalated once, however often the nodes sweep").hasSize(1);
		ProcessInstance escalation = escalationsOf(ref).get(0);
		jobs.executeAll(escalation.getId());
		assertThat(escalation).isEnded();
		Task leadTask = taskService.createTaskQuery().taskCandidateGroup("csm-leads").processVariableValueEquals("customerRef", ref)
			.singleResult();
		assertThat(leadTask.getName()).isEqualTo("Overdue: Hold kickoff call");
		assertThat(leadTask.getDescription()).contains("was due on 2026-11-25 10:00 UTC", "/camunda/app/tasklist/default/#/?task=" + kickoff.getId());
		assertThat(taskService.createTaskQuery().taskId(kickoff.getId()).count()).as("the original stays open").isOne();
		// Other tests' tasks fell due too and escalated to the same team: pick this customer's email.
		List<MimeMessage> emails = Stream.of(smtp.getReceivedMessagesForDomain("csm-leads@touchpoints.local"))
			.filter(received -> ReceivedMail.subject(received).endsWith(name))
			.toList();
		assertThat(emails).hasSize(1);
		MimeMessage email = emails.get(0);
		assertThat(email.getSubject()).isEqualTo("Overdue: Hold kickoff call for " + name);
		assertThat(ReceivedMail.part(email, "text/plain")).contains("still open in the csm group");
		assertThat(email.getHeader("List-Unsubscribe")).isNull();
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Task 'Hold kickoff call' overdue since 2026-11-25 10:00 UTC: escalated to csm-leads");

		EngineTime.advance(Duration.ofDays(3));
		escalations.sweep();
		assertThat(escalationsOf(ref)).as("the escalation task itself does not escalate").isEmpty();
	}

	@Test
	void followUpTaskCarriesTheCustomerAndBlocksNothing() {
		models.deploy("follow-up-journey", Bpmn.createExecutableProcess("follow-up-journey")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("ServiceTask_CreateFollowUp")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${createFollowUpTaskDelegate}")
			.camundaInputParameter("taskType", "follow-up")
			.camundaInputParameter("title", "Call Ana about training")
			.camundaInputParameter("description", "She asked for a live session.")
			.endEvent()
			.done());
		String ref = customers.create("Ana García", "es", "Europe/Madrid", "premium", 12000);
		customers.purchase(ref, false);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey("follow-up-journey", ref);

		jobs.executeAll(instance.getId());

		assertThat(instance).isEnded();
		Task task = taskService.createTaskQuery().taskName("Call Ana about training").processVariableValueEquals("customerRef", ref)
			.singleResult();
		assertThat(candidateGroups(task)).as("onboarding customers' follow-ups go to their CSM").containsExactly("csm");
		assertThat(task.getDescription()).isEqualTo("She asked for a live session.");
		assertThat(taskService.getVariables(task.getId())).containsEntry("customerName", "Ana García")
			.containsEntry("customerRef", ref)
			.containsEntry("customerTier", "premium")
			.containsEntry("customerAnnualValue", "12,000")
			.containsEntry("customerStage", "onboarding")
			.containsEntry("taskReason", "She asked for a live session.");
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
			.variableName("followUpTaskId").singleResult().getValue()).as("the journey's output").isEqualTo(task.getId());
		assertThat(task.getDueDate().toInstant()).isEqualTo(EngineTime.MONDAY_MORNING.plus(Duration.ofHours(48)));
		assertThat(api.get(users.csm(), "/engine-rest/task?taskId=" + task.getId()).getBody()).hasSize(1);
		assertThat(api.get(users.support(), "/engine-rest/task?taskId=" + task.getId()).getBody()).isEmpty();
	}

	@Test
	void completingATaskIsWrittenOnTheTimelineWithWhoAndOutcome() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		Task kickoff = kickoffTaskOf(ref);
		String csm = users.csm();

		assertThat(api.post(csm, "/engine-rest/task/" + kickoff.getId() + "/claim", "{\"userId\":\"" + csm + "\"}")
			.getStatusCode()
			.value()).isEqualTo(204);
		api.post(csm, "/engine-rest/task/" + kickoff.getId() + "/submit-form", """
				{"variables":{"callDate":{"value":"2026-11-30"},"migrationNeeded":{"value":false},
				              "outcome":{"value":"Kickoff held, SSO first"}}}""");

		JsonNode completed = api.timeline(users.csm(), ref).stream()
			.filter(entry -> entry.get("kind").asText().equals("task.completed"))
			.findFirst()
			.orElseThrow();
		assertThat(completed.get("summary").asText()).isEqualTo("Task 'Hold kickoff call' completed by " + csm);
		assertThat(completed.get("detail").asText()).isEqualTo("Outcome: Kickoff held, SSO first");
		assertThat(completed.get("actor").asText()).isEqualTo(csm);
		assertThat(api.timelineSummaries(users.csm(), ref)).anyMatch(summary -> summary.startsWith("Task 'Hold kickoff call' created for csm, due "));
	}

	private Task kickoffTaskOf(String ref) {
		String instance = customers.purchase(ref, false);
		jobs.executeAll(instance);
		return taskService.createTaskQuery().processInstanceId(instance).singleResult();
	}

	/** The escalation journeys still running for the customer. */
	private List<ProcessInstance> escalationsOf(String ref) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(TaskEscalations.PROCESS_KEY)
			.processInstanceBusinessKey(ref)
			.list();
	}

	private List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(group -> group != null)
			.toList();
	}

}
