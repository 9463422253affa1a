package io.touchpoints.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/**
 * Onboarding figures per monthly cohort, against a hand count: five onboardings in January and February 2025
 * (months no other test touches), each taken through its journey at chosen moments.
 */
@IntegrationTest
class OnboardingMetricsIT {

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
	TaskService taskService;

	@Test
	void cohortFiguresMatchAHandCount() {
		// January. A: setup after 2 days, training after 5: onboarded in 5.
		String a = onboardingFrom("2025-01-06T10:00:00Z", false);
		milestoneAfter(a, "2025-01-06T10:00:00Z", 2, "technical-setup-verified");
		milestoneAfter(a, "2025-01-06T10:00:00Z", 5, "training-completed");
		// B migrates: data after 1 day, setup after 3, training after 4: onboarded in 4.
		String b = onboardingFrom("2025-01-13T10:00:00Z", true);
		milestoneAfter(b, "2025-01-13T10:00:00Z", 1, "data-migrated");
		milestoneAfter(b, "2025-01-13T10:00:00Z", 3, "technical-setup-verified");
		milestoneAfter(b, "2025-01-13T10:00:00Z", 4, "training-completed");
		// C: setup after 1 day, then nothing: still open.
		String c = onboardingFrom("2025-01-20T10:00:00Z", false);
		milestoneAfter(c, "2025-01-20T10:00:00Z", 1, "technical-setup-verified");
		// D cancels after 2 days.
		onboardingFrom("2025-01-27T10:00:00Z", false);
		EngineTime.set(Instant.parse("2025-01-29T10:00:00Z"));
		assertThat(api.post(users.integration(), "/api/subscriptions/po-" + lastRef + "/cancellation", "{}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		// February. E: support verifies the setup in Tasklist after 6 days; training after 8: onboarded in 8.
		String e = onboardingFrom("2025-02-03T10:00:00Z", false);
		EngineTime.set(Instant.parse("2025-02-09T10:00:00Z"));
		completeSetupTaskAs(users.support(), e);
		milestoneAfter(e, "2025-02-03T10:00:00Z", 8, "training-completed");

		ResponseEntity<JsonNode> response = api.get(users.cxOps(), "/api/metrics/onboarding?from=2025-01&to=2025-03");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode cohorts = response.getBody().get("cohorts");
		assertThat(cohorts).hasSize(3);
		JsonNode january = cohorts.get(0);
		assertThat(january.get("cohort").asText()).isEqualTo("2025-01");
		assertThat(counts(january)).containsExactly(4, 2, 1, 1);
		assertThat(january.get("averageDaysToOnboard").asDouble()).isEqualTo(4.5);
		assertThat(january.get("medianDaysToOnboard").asDouble()).isEqualTo(4.5);
		assertThat(january.get("averageDaysToMilestone").get("technical-setup-verified").asDouble()).isEqualTo(2.0);
		assertThat(january.get("averageDaysToMilestone").get("training-completed").asDouble()).isEqualTo(4.5);
		assertThat(january.get("averageDaysToMilestone").get("data-migrated").asDouble()).isEqualTo(1.0);
		// A and B each: the welcome email, the kickoff task, the onboarding-complete email.
		assertThat(january.get("averageInteractionsDuringOnboarding").asDouble()).isEqualTo(3.0);
		JsonNode february = cohorts.get(1);
		assertThat(counts(february)).containsExactly(1, 1, 0, 0);
		assertThat(february.get("averageDaysToOnboard").asDouble()).isEqualTo(8.0);
		assertThat(february.get("averageDaysToMilestone").get("technical-setup-verified").asDouble()).isEqualTo(6.0);
		assertThat(february.get("averageDaysToMilestone").get("data-migrated").isNull()).isTrue();
		// E adds the setup task that support completed.
		assertThat(february.get("averageInteractionsDuringOnboarding").asDouble()).isEqualTo(4.0);
		JsonNode march = cohorts.get(2);
		assertThat(counts(march)).containsExactly(0, 0, 0, 0);
		assertThat(march.get("averageDaysToOnboard").isNull()).isTrue();
	}

	@Test
	void namesBadPeriods() {
		ResponseEntity<JsonNode> response = api.get(users.cxOps(), "/api/metrics/onboarding?from=January&to=2025-13");
		ResponseEntity<JsonNode> reversed = api.get(users.cxOps(), "/api/metrics/onboarding?from=2025-06&to=2025-01");
		ResponseEntity<JsonNode> tooLong = api.get(users.cxOps(), "/api/metrics/onboarding?from=2020-01&to=2025-01");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors")).extracting(error -> error.get("field").asText())
			.containsExactlyInAnyOrder("from", "to");
		assertThat(reversed.getBody().get("errors").get(0).get("field").asText()).isEqualTo("to");
		assertThat(tooLong.getBody().get("errors").get(0).get("message").asText()).contains("36 months");
		assertThat(api.get(users.csm(), "/api/metrics/onboarding").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private final Map<String, String> journeys = new HashMap<>();

	private String lastRef;

	/** A customer whose purchase arrives at {@code at} and whose kickoff call is held at once. */
	private String onboardingFrom(String at, boolean migrating) {
		EngineTime.set(Instant.parse(at));
		String ref = customers.create("Cohort customer", "en", "Europe/London");
		String instance = customers.purchase(ref, migrating);
		jobs.executeAll(instance);
		Task kickoff = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		taskService.complete(kickoff.getId(), Map.of("callDate", at.substring(0, 10), "migrationNeeded", false));
		journeys.put(ref, instance);
		lastRef = ref;
		return ref;
	}

	private void milestoneAfter(String ref, String start, int days, String milestone) {
		EngineTime.set(Instant.parse(start).plus(Duration.ofDays(days)));
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(UsageEvents.milestone(ref, milestone, EngineTime.now())));
		jobs.executeAll(journeys.get(ref));
	}

	private void completeSetupTaskAs(String user, String ref) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(ref).taskDefinitionKey("UserTask_SetupVerified")
			.singleResult();
		api.post(user, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}");
		api.post(user, "/engine-rest/task/" + task.getId() + "/complete", "{}");
	}

	private static int[] counts(JsonNode cohort) {
		return new int[] { cohort.get("started").asInt(), cohort.get("completed").asInt(), cohort.get("cancelled").asInt(),
				cohort.get("open").asInt() };
	}

}
