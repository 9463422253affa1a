package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import io.touchpoints.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestModels;
import io.touchpoints.system.JobDeferredException;

/**
 * An email is sent once per touchpoint, whatever fails around the hand-off to SMTP: a transaction that fails
 * after SMTP accepted the message, an outage with a burst of emails waiting, two nodes running the same
 * touchpoint at once.
 */
@IntegrationTest
class ExactlyOnceDeliveryIT {

	GreenMail smtp = new GreenMail(TestSmtp.SETUP);

	@Autowired
	Customers customers;

	@Autowired
	Jobs jobs;

	@Autowired
	TestModels models;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	CustomerEmails customerEmails;

	@AfterEach
	void stopSmtpAndRemoveModels() {
		smtp.stop();
		models.removeAll();
	}

	@Test
	void transactionFailingAfterTheHandOffToSmtpDoesNotSendAgain() throws Exception {
		smtp.start();
		// The end event needs a variable the instance does not have yet: the job's transaction fails after SMTP
		// has accepted the email, and the job is retried.
		models.deploy("send-then-fail", Bpmn.createExecutableProcess("send-then-fail")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("ServiceTask_SendWelcome")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${sendEmailDelegate}")
			.camundaInputParameter("templateId", "welcome")
			.endEvent("EndEvent_Done")
			.camundaExecutionListenerExpression("start", "${proceed}")
			.done());
		String ref = customers.create("Chloé Martin", "fr", "Europe/Paris");
		customers.purchase(ref, false);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey("send-then-fail", ref);
		Job job = jobs.single(instance.getId());

		jobs.executeOrRecordFailure(job.getId());

		assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getExceptionMessage())
			.contains("proceed");
		MimeMessage[] received = smtp.getReceivedMessagesForDomain(Customers.email(ref));
		assertThat(received).hasSize(1);
		String messageId = received[0].getMessageID();

		runtimeService.setVariable(instance.getId(), "proceed", true);
		EngineTime.advance(Duration.ofMinutes(1));
		jobs.executeAll(instance.getId());

		assertThat(instance).isEnded();
		assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).hasSize(1);
		assertThat(messageId).matches("<[0-9a-f]{40}@touchpoints\\.local>");
	}

	@Test
	void burstOfEmailsDuringAnOutageArrivesOnceEachAfterRecovery() {
		List<String> refs = new ArrayList<>();
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String ref = customers.create("Customer " + i, i % 3 == 0 ? "es" : "en", "Europe/Madrid");
			refs.add(ref);
			instances.add(customers.purchase(ref, false));
		}
		instances.forEach(jobs::executeAll);
		assertThat(managementService.createJobQuery().processInstanceId(instances.get(0)).singleResult().getRetries())
			.as("retries left after the first failure")
			.isPositive();
		instances.forEach(id -> assertThat(runtimeService.createIncidentQuery().processInstanceId(id).count()).isZero());

		smtp.start();
		EngineTime.advance(Duration.ofMinutes(1));
		instances.forEach(jobs::executeAll);
		instances.forEach(jobs::executeAll);

		for (String ref : refs) {
			assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).as(ref).hasSize(1);
		}
		assertThat(smtp.getReceivedMessages()).hasSize(refs.size());
	}

	@Test
	void twoNodesRunningTheSameTouchpointAtOnceSendOneEmail() throws Exception {
		smtp.start();
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);
		CustomerEmail email = CustomerEmail.of(ref, "welcome", "race:" + ref);
		CountDownLatch start = new CountDownLatch(1);
		Callable<String> node = () -> {
			start.await();
			try {
				return customerEmails.send(email).name();
			}
			catch (JobDeferredException retryLater) {
				return "DEFERRED";
			}
		};
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				outcomes.add(nodes.submit(node));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}

			assertThat(results).containsOnlyOnce("SENT");
			assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).hasSize(1);
		}
		finally {
			nodes.shutdownNow();
		}
		assertThat(customerEmails.send(email)).isEqualTo(DeliveryOutcome.ALREADY_DONE);
		assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).hasSize(1);
	}

}
