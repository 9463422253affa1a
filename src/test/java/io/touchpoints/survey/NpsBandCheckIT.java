package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.process.ModelNames;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;

/**
 * Issue 11: the daily NPS band check raises one task and one email for cx-ops when a stage's NPS falls below its
 * band, nothing more while it stays there, and raises again only after the stage was back in band. Runs in 2031, a
 * year no other test writes surveys in.
 */
@IntegrationTest
class NpsBandCheckIT {

	private static final String CX_OPS_ADDRESS = "cx-ops@touchpoints.local";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	CustomerRegistry registry;

	@Autowired
	Surveys surveys;

	@Autowired
	Jobs jobs;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Test
	void aStageBelowItsBandRaisesOneTaskAndOneEmailUntilItIsBackInBand() throws Exception {
		long customer = registry.find(customers.create("Band Customer", "en", "Europe/London")).orElseThrow().getId();
		EngineTime.set(Instant.parse("2031-06-10T06:00:00Z"));
		// onboarding, May: 5 promoters, 5 passives, 30 detractors: NPS -62.5, its whole interval far below the band of 30.
		record(customer, "onboarding", Instant.parse("2031-05-12T10:00:00Z"), repeat(5, 10, 5, 8, 30, 3));
		// adoption, May: ten detractors, not enough answers to judge.
		record(customer, "adoption", Instant.parse("2031-05-12T10:00:00Z"), repeat(10, 0));

		check();

		List<Task> raised = bandTasks();
		assertThat(raised).hasSize(1);
		Task task = raised.get(0);
		assertThat(task.getName()).isEqualTo("NPS below band in onboarding");
		assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(link -> "cx-ops".equals(link.getGroupId()));
		assertThat(task.getDueDate().toInstant()).isEqualTo(EngineTime.now().plus(Duration.ofHours(72)));
		Map<String, Object> shown = taskService.getVariables(task.getId());
		assertThat(shown).containsEntry("npsStage", "onboarding").containsEntry("npsScore", -62.5)
			.containsEntry("npsBand", 30).containsEntry("npsResponses", 40).containsEntry("npsPeriod", "2031-04 to 2031-06");
		assertThat((String) shown.get("taskReason")).startsWith(
				"NPS -62.5 (95% interval -84.1 to -40.9) from 40 answers in 2031-04 to 2031-06, against a band of 30.");
		jobs.executeAll(task.getProcessInstanceId());
		MimeMessage email = single(cxOpsEmails());
		assertThat(ReceivedMail.subject(email)).isEqualTo("NPS below band in onboarding: NPS -62.5 (95% interval -84.1 "
				+ "to -40.9) from 40 answers in 2031-04 to 2031-06, against a band of 30");
		assertThat(ReceivedMail.part(email, "text/plain")).contains("Open Tasklist: http://localhost:8080/camunda/app/tasklist/default/");

		EngineTime.advance(Duration.ofDays(1));
		check();
		assertThat(bandProcesses()).as("raised once while the stage stays below its band").isOne();

		// August: 50 promoters and 10 passives; the window P3M (July to September) holds only these.
		EngineTime.set(Instant.parse("2031-09-10T06:00:00Z"));
		record(customer, "onboarding", Instant.parse("2031-08-12T10:00:00Z"), repeat(50, 10, 10, 8));
		check();
		assertThat(bandProcesses()).as("back in band raises nothing").isOne();

		EngineTime.set(Instant.parse("2031-12-10T06:00:00Z"));
		record(customer, "onboarding", Instant.parse("2031-11-12T10:00:00Z"), repeat(5, 10, 5, 8, 30, 3));
		check();
		assertThat(bandProcesses()).as("below again after it was back in band: raised anew").isEqualTo(2);
		assertThat(bandTasks()).hasSize(2);
	}

	/** What the model's timer does every morning: its job, run now. */
	private void check() {
		Job timer = managementService.createJobQuery().processDefinitionKey("nps-band-check").timers().singleResult();
		assertThat(timer).as("the daily timer is waiting").isNotNull();
		managementService.executeJob(timer.getId());
	}

	private List<Task> bandTasks() {
		return taskService.createTaskQuery().processDefinitionKey(ModelNames.NPS_BELOW_BAND).orderByTaskCreateTime().asc().list();
	}

	private long bandProcesses() {
		return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ModelNames.NPS_BELOW_BAND).count();
	}

	private List<MimeMessage> cxOpsEmails() {
		return List.of(smtp.getReceivedMessagesForDomain(CX_OPS_ADDRESS));
	}

	private void record(long customer, String stage, Instant at, List<Integer> scores) {
		for (Integer score : scores) {
			String id = UUID.randomUUID().toString();
			surveys.invite(new SurveyInvitation(id, customer, SurveyKind.NPS, stage, null, at, at.plusSeconds(30L * 86400), null));
			surveys.answer(id, score, at.plusSeconds(3600));
		}
	}

	/** Pairs of (how many, score). */
	private static List<Integer> repeat(int... pairs) {
		List<Integer> scores = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			scores.addAll(Collections.nCopies(pairs[i], pairs[i + 1]));
		}
		return scores;
	}

	private static MimeMessage single(List<MimeMessage> emails) {
		assertThat(emails).hasSize(1);
		return emails.get(0);
	}

}
