package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.system.JobDeferredException;
import io.touchpoints.timeline.Timeline;

/** Customers are emailed only when they want to be, at hours that suit them, and not too often. */
@IntegrationTest
class PolitenessIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Customers customers;

	@Autowired
	CustomerRegistry registry;

	@Autowired
	Jobs jobs;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	CustomerEmails customerEmails;

	@Autowired
	Consent consent;

	@Autowired
	Timeline timeline;

	@Test
	void customerInTokyoIsNotEmailedAtThreeInTheMorning() {
		// 18:00 UTC is 03:00 the next day in Tokyo; the window opens at 08:00 Tokyo, 23:00 UTC.
		EngineTime.set(Instant.parse("2026-11-23T18:00:00Z"));
		String ref = customers.create("Haruto Sato", "en", "Asia/Tokyo");
		ProcessInstance instance = instance(customers.purchase(ref, false));
		Job job = jobs.single(instance.getId());
		int retries = job.getRetries();

		jobs.executeOrRecordFailure(job.getId());

		assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).isEmpty();
		Job deferred = jobs.single(instance.getId());
		assertThat(deferred.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
		assertThat(deferred.getRetries()).isEqualTo(retries);
		assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
		assertThat(timelineSummaries(ref)).anyMatch(
				summary -> summary.equals("Email 'welcome' deferred to 2026-11-24 08:00 Asia/Tokyo: quiet hours in Asia/Tokyo"));

		EngineTime.set(Instant.parse("2026-11-23T23:00:00Z"));
		jobs.executeAll(instance.getId());

		assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).hasSize(1);
		assertThat(instance).isWaitingAt("UserTask_KickoffCall");
	}

	@Test
	void optedOutCategoryIsSkippedRecordedAndTheJourneyGoesOn() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		optOut(ref, EmailCategory.ONBOARDING);
		ProcessInstance instance = instance(customers.purchase(ref, false));

		jobs.executeAll(instance.getId());

		assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).isEmpty();
		assertThat(instance).isWaitingAt("UserTask_KickoffCall");
		assertThat(timelineSummaries(ref))
			.contains("Email 'welcome' skipped: the customer opted out of onboarding emails");
	}

	@Test
	void serviceEmailsReachCustomersWhoOptedOutOfEverything() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);
		long customerId = registry.find(ref).orElseThrow().getId();
		consent.change(customerId, new Consent.Preferences(EnumSet.noneOf(EmailCategory.class), true), "test");

		DeliveryOutcome outcome = customerEmails.send(CustomerEmail.of(ref, "check-in-cancelled", "service:" + ref)
			.with(checkInValues(), List.of()));

		assertThat(outcome).isEqualTo(DeliveryOutcome.SENT);
		assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).hasSize(1);
	}

	@Test
	void fourthOptionalEmailInAWeekWaitsUntilTheOldestLeavesTheWindow() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		customers.purchase(ref, false);
		Instant first = EngineTime.now();
		for (int i = 1; i <= 3; i++) {
			assertThat(customerEmails.send(CustomerEmail.of(ref, "welcome", "cap:" + ref + ":" + i)))
				.isEqualTo(DeliveryOutcome.SENT);
			EngineTime.advance(Duration.ofHours(24));
		}

		assertThatThrownBy(() -> customerEmails.send(CustomerEmail.of(ref, "welcome", "cap:" + ref + ":4")))
			.isInstanceOfSatisfying(JobDeferredException.class,
					deferral -> assertThat(deferral.notBefore()).isEqualTo(first.plus(Duration.ofDays(7))));
		assertThat(customerEmails.send(CustomerEmail.of(ref, "welcome", "cap:" + ref + ":5").onCap(OnCap.SKIP)))
			.isEqualTo(DeliveryOutcome.SKIPPED);
		assertThat(smtp.getReceivedMessagesForDomain(Customers.email(ref))).hasSize(3);

		EngineTime.set(first.plus(Duration.ofDays(7)));
		assertThat(customerEmails.send(CustomerEmail.of(ref, "welcome", "cap:" + ref + ":4")))
			.isEqualTo(DeliveryOutcome.SENT);
		assertThat(timelineSummaries(ref)).anyMatch(summary -> summary.startsWith("Email 'welcome' skipped: frequency cap"));
	}

	@Test
	void markupInACustomersNameStaysText() throws Exception {
		String ref = customers.create("Zoë <img src=x onerror=alert(1)>", "en", "Europe/London");
		ProcessInstance instance = instance(customers.purchase(ref, false));

		jobs.executeAll(instance.getId());

		var email = smtp.getReceivedMessagesForDomain(Customers.email(ref))[0];
		assertThat(email.getSubject()).isEqualTo("Welcome to Touchpoints, Zoë <img src=x onerror=alert(1)>");
		assertThat(ReceivedMail.part(email, "text/html")).contains("Hello Zoë &lt;img src=x onerror=alert(1)&gt;,")
			.doesNotContain("<img");
	}

	private ProcessInstance instance(String id) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	private void optOut(String ref, EmailCategory category) {
		consent.optOut(registry.find(ref).orElseThrow().getId(), category, "test");
	}

	private List<String> timelineSummaries(String ref) {
		long customerId = registry.find(ref).orElseThrow().getId();
		return timeline.page(customerId, null, null, 0, 100).stream().map(entry -> entry.summary()).toList();
	}

	private static Map<String, String> checkInValues() {
		return Map.of("checkIn.topic", "Your first week", "checkIn.date", "Wednesday, 25 November 2026",
				"checkIn.time", "09:00", "checkIn.timeZone", "Europe/Madrid", "checkIn.durationMinutes", "30");
	}

}
