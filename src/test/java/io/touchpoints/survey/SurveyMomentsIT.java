package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
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
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/**
 * Issue 11: the lifecycle's later survey moments. A relationship NPS every 180 days once the customer is engaged,
 * and a CSAT after a resolved support ticket, reported by the helpdesk as usage events and delivered to the
 * lifecycle as a customer signal: once per ticket, also when the delivery is lost, and one survey when two are
 * decided at once.
 */
@IntegrationTest
class SurveyMomentsIT {

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
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	LifecycleSteps lifecycle;

	@BeforeEach
	void steps() {
		lifecycle = new LifecycleSteps(api, users, jobs, runtimeService, taskService);
	}

	@Autowired
	CustomerSignals signals;

	@Autowired
	CustomerRegistry registry;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anEngagedCustomerIsAskedForARelationshipNpsEvery180Days() throws Exception {
		String ref = customers.create("Healthy Customer", "en", "Europe/London");
		lifecycle.completeOnboarding(ref, customers.purchase(ref, false));
		lifecycle.passDay90(ref);
		deliverAll(ref);
		assertThat(lifecycle.dispatchesOf(ref, "relationship-nps")).isEmpty();
		String lifecycleId = lifecycle.lifecycleOf(ref).getId();

		EngineTime.advance(Duration.ofDays(179));
		jobs.executeAll(lifecycleId);
		assertThat(lifecycle.dispatchesOf(ref, "relationship-nps")).as("not before 180 days").isEmpty();

		EngineTime.advance(Duration.ofDays(1).plusMinutes(1));
		jobs.executeAll(lifecycleId);
		deliverAll(ref);
		assertThat(subjects(ref)).filteredOn("One question: would you recommend Touchpoints?"::equals)
			.as("the day-90 NPS and the first relationship NPS").hasSize(2);

		EngineTime.advance(Duration.ofDays(180));
		jobs.executeAll(lifecycleId);
		deliverAll(ref);
		assertThat(subjects(ref)).filteredOn("One question: would you recommend Touchpoints?"::equals)
			.as("and 180 days later the next").hasSize(3);
		assertThat(lifecycle.stageOf(ref)).isEqualTo("engagement");
	}

	@Test
	void aRelationshipNpsAsksEngagedCustomersOnly() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);

		ProcessInstance survey = SentSurveys.start(runtimeService, jobs, ref, "relationship-nps");

		assertThat(survey).isEnded().hasPassed("EndEvent_NotSent");
		assertThat(api.timelineSummaries(users.csm(), ref))
			.contains("Survey 'relationship-nps' not sent: The customer is not in engagement");
	}

	@Test
	void anHourAfterASupportTicketIsResolvedTheCustomerIsAskedForACsat() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		customers.purchase(ref, false);
		ticket(ref, "T-1", "opened", EngineTime.now().minusSeconds(600));
		ticket(ref, "T-1", "resolved", EngineTime.now().minusSeconds(60));
		String lifecycleId = lifecycle.lifecycleOf(ref).getId();
		assertThat(lifecycle.lifecycleOf(ref)).isWaitingAt("TimerEvent_AnHourLater");
		assertThat(lifecycle.dispatchesOf(ref, "csat")).as("not before the hour is up").isEmpty();

		EngineTime.advance(Duration.ofHours(1).plusMinutes(1));
		jobs.executeAll(lifecycleId);
		deliverAll(ref);

		MimeMessage csat = SentSurveys.single(surveyEmails(ref));
		assertThat(SurveyDispatchIT.scoreLinks(csat).keySet()).containsExactly(1, 2, 3, 4, 5);
		assertThat(lifecycle.stageOf(ref)).as("a CSAT does not move the customer").isEqualTo("onboarding");

		Instant resolvedAgain = EngineTime.now().minusSeconds(10);
		ticket(ref, "T-1", "reopened", EngineTime.now().minusSeconds(30));
		ticket(ref, "T-1", "resolved", resolvedAgain);
		ticket(ref, "T-1", "resolved", resolvedAgain);
		EngineTime.advance(Duration.ofHours(2));
		jobs.executeAll(lifecycleId);
		List<ProcessInstance> csats = lifecycle.dispatchesOf(ref, "csat");
		assertThat(csats).as("a resolution reported twice counts once; resolved again after a reopening is a moment")
			.hasSize(2);
		csats.forEach(dispatch -> jobs.executeAll(dispatch.getId()));
		assertThat(surveyEmails(ref)).as("the CSAT rules still hold: one in 30 days").hasSize(1);
		assertThat(api.timelineSummaries(users.csm(), ref))
			.contains("Survey 'csat' not sent: A CSAT survey was sent within the last 30 days");
	}

	@Test
	void aResolutionWhoseDeliveryWasLostIsSentByTheSweepOnce() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		customers.purchase(ref, false);
		long customerId = registry.require(ref, "customerRef").getId();
		// What a usage batch commits before it signals the lifecycle; the node stops here.
		transactions.execute(status -> signals.record(List.of(CustomerSignal.ticketResolved(customerId, "T-lost",
				EngineTime.now(), "e-before-the-crash"))));
		assertThat(eventSubProcesses(ref)).isZero();

		assertThat(signals.sweep()).isGreaterThanOrEqualTo(1);

		assertThat(eventSubProcesses(ref)).isOne();
		signals.sweep();
		assertThat(eventSubProcesses(ref)).as("nothing is delivered twice").isOne();
	}

	@Test
	void twoTicketsResolvedTheSameNightBringOneCsatInTheMorning() throws Exception {
		// 10:00 UTC is 23:00 in Auckland: quiet hours, both surveys wait for the customer's morning.
		String ref = customers.create("Aroha Ngata", "en", "Pacific/Auckland");
		customers.purchase(ref, false);
		ticket(ref, "T-1", "opened", EngineTime.now().minusSeconds(900));
		ticket(ref, "T-2", "opened", EngineTime.now().minusSeconds(800));
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(
				ticketEvent(ref, "T-1", "resolved", EngineTime.now().minusSeconds(60)),
				ticketEvent(ref, "T-2", "resolved", EngineTime.now().minusSeconds(50))));
		EngineTime.advance(Duration.ofHours(1).plusMinutes(1));
		jobs.executeAll(lifecycle.lifecycleOf(ref).getId());
		List<ProcessInstance> dispatches = lifecycle.dispatchesOf(ref, "csat");
		assertThat(dispatches).as("both resolutions decided on a CSAT before either went out").hasSize(2);
		dispatches.forEach(dispatch -> jobs.executeAll(dispatch.getId()));
		assertThat(surveyEmails(ref)).as("the night holds them").isEmpty();

		deliverAll(ref);

		assertThat(surveyEmails(ref)).as("one CSAT in the morning").hasSize(1);
		assertThat(api.timelineSummaries(users.csm(), ref))
			.contains("Survey 'csat' not sent: A CSAT survey was sent within the last 30 days");
	}

	private long eventSubProcesses(String ref) {
		return runtimeService.createExecutionQuery().processInstanceId(lifecycle.lifecycleOf(ref).getId())
			.activityId("TimerEvent_AnHourLater").count();
	}

	private void ticket(String ref, String ticketId, String name, Instant at) {
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(ticketEvent(ref, ticketId, name, at)));
	}

	private static String ticketEvent(String ref, String ticketId, String name, Instant at) {
		return UsageEvents.event(ref, "ticket", "\"" + name + "\"", at,
				"{\"channel\":\"email\",\"ticketId\":\"" + ticketId + "-" + ref + "\",\"agentContacts\":1}");
	}

	/** Runs the due jobs of every survey of the customer, moving the clock to an email deferred to their daytime. */
	private void deliverAll(String ref) {
		for (int round = 0; round < 4; round++) {
			List<ProcessInstance> dispatches = runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(SurveyProcess.DISPATCH).processInstanceBusinessKey(ref).list();
			dispatches.forEach(dispatch -> jobs.executeAll(dispatch.getId()));
			Instant deferredTo = null;
			for (ProcessInstance dispatch : dispatches) {
				for (Job job : managementService.createJobQuery().processInstanceId(dispatch.getId()).activityId("ServiceTask_SendSurvey").list()) {
					if (job.getDuedate() != null && job.getDuedate().toInstant().isAfter(EngineTime.now())
							&& (deferredTo == null || job.getDuedate().toInstant().isBefore(deferredTo))) {
						deferredTo = job.getDuedate().toInstant();
					}
				}
			}
			if (deferredTo == null) {
				return;
			}
			EngineTime.set(deferredTo);
		}
	}

	private List<String> subjects(String ref) {
		return Arrays.stream(smtp.getReceivedMessagesForDomain(Customers.email(ref))).map(ReceivedMail::subject).toList();
	}


	private List<MimeMessage> surveyEmails(String ref) {
		return SentSurveys.surveyEmails(smtp, ref);
	}

}
