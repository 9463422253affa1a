package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import io.touchpoints.support.TestSmtp;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;

/** An SMTP outage delays the welcome email; it never loses it and never sends it twice. */
@IntegrationTest
class WelcomeEmailDeliveryIT {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	GreenMail smtp = new GreenMail(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Jobs jobs;

	@Autowired
	Customers customers;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	String email;

	ProcessInstance instance;

	@BeforeEach
	void purchaseWhileSmtpIsDown() {
		ClockUtil.setCurrentTime(Date.from(NOW));
		String ref = "outage-" + UUID.randomUUID();
		email = ref + "@example.com";
		api.put(users.integration(), "/api/customers/" + ref, Api.customerJson("Chloé Martin", email, "fr"));
		String id = api.post(users.integration(), "/api/customers/" + ref + "/purchases", Api.purchaseJson("po-" + ref, false))
			.getBody()
			.get("processInstanceId")
			.asText();
		id = customers.onboardingOf(id);
		instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	@AfterEach
	void resetClockAndSmtp() {
		ClockUtil.reset();
		smtp.stop();
	}

	@Test
	void retriesWithBackOffAndSendsOnceWhenSmtpIsBack() throws Exception {
		Job sendJob = jobs.single(instance.getId());
		int initialRetries = sendJob.getRetries();

		jobs.executeOrRecordFailure(sendJob.getId());

		Job failed = jobs.single(instance.getId());
		assertThat(failed.getRetries()).isEqualTo(initialRetries - 1);
		assertThat(failed.getExceptionMessage()).containsIgnoringCase("connect");
		assertThat(failed.getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(instance).isWaitingAt("ServiceTask_SendWelcomeEmail");

		smtp.start();
		ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(1))));
		jobs.executeAll(instance.getId());
		jobs.executeAll(instance.getId());

		assertThat(smtp.getReceivedMessagesForDomain(email)).hasSize(1);
		assertThat(smtp.getReceivedMessagesForDomain(email)[0].getSubject()).isEqualTo("Bienvenue chez Touchpoints, Chloé Martin");
		assertThat(instance).isWaitingAt("UserTask_KickoffCall");
	}

	@Test
	void raisesIncidentAfterLastRetryAndSendsOnceWhenOperatorRetries() {
		String jobId = jobs.single(instance.getId()).getId();
		while (jobs.single(instance.getId()).getRetries() > 0) {
			jobs.executeOrRecordFailure(jobId);
		}

		Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(incident.getActivityId()).isEqualTo("ServiceTask_SendWelcomeEmail");
		assertThat(incident.getIncidentMessage()).containsIgnoringCase("connect");
		assertThat(instance).isWaitingAt("ServiceTask_SendWelcomeEmail");

		smtp.start();
		managementService.setJobRetries(jobId, 1);
		managementService.setJobDuedate(jobId, ClockUtil.getCurrentTime());
		jobs.executeAll(instance.getId());

		assertThat(smtp.getReceivedMessagesForDomain(email)).hasSize(1);
		assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(instance).isWaitingAt("UserTask_KickoffCall");
	}

}
