package io.touchpoints.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.touchpoints.TouchpointsApplication;
import io.touchpoints.process.ModelNames;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ServiceClient;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.UsageEvents;

/**
 * Issue 9: a database made by the release before the customer lifecycle (commit c9f3e35, three customers whose
 * onboardings wait for their welcome email) starts under this release, and its running onboardings finish under the
 * new design: one completes, one churns and comes back, one expands without a second onboarding. The H2 file runs
 * in every suite; the PostgreSQL dump (made by that release on PostgreSQL 15 with the same requests) runs in the
 * PostgreSQL suite, restored into a database of its own on the suite's server.
 */
@ExtendWith(EngineTime.class)
class UpgradeIT {

	private static final String ADMIN_PASSWORD = "Kettle-Lamp-Window-7";

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dataDir;

	private ServiceClient client;

	@Test
	void onboardingsOfThePreviousReleaseFinishUnderTheLifecycleOnH2() throws Exception {
		try (InputStream made = getClass().getResourceAsStream("/upgrade/touchpoints-c9f3e35.mv.db")) {
			Files.copy(made, dataDir.resolve("touchpoints.mv.db"));
		}
		onboardingsFinishUnderTheLifecycle("jdbc:h2:file:" + dataDir.resolve("touchpoints").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
	}

	@Test
	@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
	void onboardingsOfThePreviousReleaseFinishUnderTheLifecycleOnPostgreSQL() throws Exception {
		try (PreviousReleaseDatabase database = PreviousReleaseDatabase.restore("/upgrade/touchpoints-c9f3e35.postgres.sql.gz")) {
			onboardingsFinishUnderTheLifecycle(database.url(), database.user(), database.password());
		}
	}

	private void onboardingsFinishUnderTheLifecycle(String url, String user, String password) throws Exception {
		GreenMail smtp = new GreenMail(new ServerSetup(TestSmtp.SETUP.getPort() + 200, "127.0.0.1", "smtp"));
		smtp.start();
		try (ConfigurableApplicationContext service = start(smtp.getSmtp().getServerSetup().getPort(), url, user, password)) {
			client = new ServiceClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")), "admin",
					ADMIN_PASSWORD);
			Jobs jobs = new Jobs(service.getBean(ManagementService.class));
			RuntimeService runtime = service.getBean(RuntimeService.class);
			TaskService tasks = service.getBean(TaskService.class);
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING).count())
				.as("onboardings of the previous release still running").isEqualTo(3);
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ModelNames.RENEWAL).list())
				.as("each subscription of the previous release got its renewal cycle when the node started")
				.extracting(ProcessInstance::getBusinessKey)
				.containsExactlyInAnyOrder("upgrade-ana", "upgrade-jean", "upgrade-chloe");

			String ana = onboardingOf(runtime, "upgrade-ana");
			jobs.executeAll(ana);
			Task kickoff = tasks.createTaskQuery().processInstanceId(ana).taskDefinitionKey("UserTask_KickoffCall").singleResult();
			tasks.complete(kickoff.getId(), Map.of("callDate", "2026-11-24", "migrationNeeded", false));
			send("POST", "/api/usage-events", UsageEvents.batch(
					UsageEvents.milestone("upgrade-ana", "technical-setup-verified", EngineTime.now()),
					UsageEvents.milestone("upgrade-ana", "training-completed", EngineTime.now())));
			jobs.executeAll(ana);
			assertThat(runtime.createProcessInstanceQuery().processInstanceId(ana).count()).as("Ana's onboarding finished").isZero();
			assertThat(stageOf("upgrade-ana")).isEqualTo("adoption");
			assertThat(smtp.getReceivedMessagesForDomain("upgrade-ana@example.com")).hasSize(2);

			String jean = onboardingOf(runtime, "upgrade-jean");
			send("POST", "/api/subscriptions/po-upgrade-jean/cancellation", "{\"reason\":\"Too expensive\"}");
			assertThat(runtime.createProcessInstanceQuery().processInstanceId(jean).count()).isZero();
			assertThat(stageOf("upgrade-jean")).isEqualTo("winback");
			JsonNode back = send("POST", "/api/customers/upgrade-jean/purchases",
					"{\"purchaseId\":\"back-upgrade-jean\",\"plan\":\"pro\",\"startDate\":\"2026-12-01\",\"renewalDate\":\"2027-12-01\"}");
			assertThat(runtime.createProcessInstanceQuery().processInstanceId(back.get("processInstanceId").asText())
				.processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE).count()).isOne();
			assertThat(stageOf("upgrade-jean")).isEqualTo("onboarding");

			send("POST", "/api/customers/upgrade-chloe/purchases",
					"{\"purchaseId\":\"more-upgrade-chloe\",\"plan\":\"enterprise\",\"startDate\":\"2026-12-01\",\"renewalDate\":\"2027-06-01\"}");
			assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("upgrade-chloe")
				.processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING).count()).as("an expansion starts no onboarding").isOne();
		}
		finally {
			smtp.stop();
		}
	}

	private ConfigurableApplicationContext start(int smtpPort, String url, String user, String password) {
		return new SpringApplicationBuilder(TouchpointsApplication.class).run("--server.port=0",
				// The previous release's database and user, whichever database the rest of the suite runs on.
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password,
				"--camunda.bpm.process-engine-name=upgradetest", "--camunda.bpm.job-execution.enabled=false",
				"--touchpoints.admin.password=" + ADMIN_PASSWORD, "--spring.mail.port=" + smtpPort,
				"--touchpoints.signals.sweep-interval=PT0S", "--touchpoints.usage.compaction-interval=PT0S",
				"--touchpoints.tasks.escalation-sweep-interval=PT0S");
	}

	private static String onboardingOf(RuntimeService runtime, String ref) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING)
			.processInstanceBusinessKey(ref).singleResult().getId();
	}

	private String stageOf(String ref) throws IOException, InterruptedException {
		return send("GET", "/api/customers/" + ref, null).get("stage").asText();
	}

	private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
		var response = client.send(method, path, body);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
		return JSON.readTree(response.body());
	}

}
