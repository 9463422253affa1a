package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.touchpoints.customer.Subscriptions;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/**
 * Dates outside the years 1970 to 2199 are refused wherever the API takes one, in bodies and in query parameters,
 * naming the field; nothing of such a request is stored, and the corrected request then behaves as usual.
 */
@IntegrationTest
class AcceptedDatesIT {

	private static final String RANGE = "must lie in the years 1970 to 2199";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	Subscriptions subscriptions;

	@Test
	void refusesAPurchaseInYearNineHundredMillionAndRecordsTheCorrectedOneOnce() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		String purchases = "/api/customers/" + ref + "/purchases";

		ResponseEntity<JsonNode> refused = api.post(users.integration(), purchases, """
				{"purchaseId":"po-%s","plan":"pro","startDate":"+999999999-01-01","renewalDate":"+999999999-12-01"}"""
			.formatted(ref));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(errors(refused)).containsExactlyInAnyOrder("startDate: '+999999999-01-01' " + RANGE,
				"renewalDate: '+999999999-12-01' " + RANGE);
		assertThat(subscriptions.findByPurchaseId("po-" + ref)).isEmpty();

		ResponseEntity<JsonNode> corrected = api.post(users.integration(), purchases, Api.purchaseJson("po-" + ref, false));
		ResponseEntity<JsonNode> resent = api.post(users.integration(), purchases, Api.purchaseJson("po-" + ref, false));

		assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(resent.getBody().get("processInstanceId")).isEqualTo(corrected.getBody().get("processInstanceId"));
		assertThat(subscriptions.findByPurchaseId("po-" + ref)).get()
			.satisfies(subscription -> assertThat(subscription.getStartDate()).hasToString("2026-11-23"));
	}

	@Test
	void refusesDatesBeforeTheFirstYear() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");

		ResponseEntity<JsonNode> refused = api.post(users.integration(), "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, false).replace("2026-11-23", "1969-12-31"));

		assertThat(errors(refused)).containsExactly("startDate: '1969-12-31' " + RANGE);
	}

	@Test
	void refusesUsageEventsOutsideTheYearsAndTheQueryOverTheOthersWorks() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		String ancient = UsageEvents.login(ref, EngineTime.now()).replace(EngineTime.now().toString(),
				"-999999999-01-01T00:00:00Z");
		String beforeEpoch = UsageEvents.login(ref, EngineTime.now()).replace(EngineTime.now().toString(),
				"1969-12-31T23:59:59Z");
		String farFuture = UsageEvents.login(ref, EngineTime.now()).replace(EngineTime.now().toString(),
				"+999999999-12-31T00:00:00Z");
		String today = UsageEvents.login(ref, EngineTime.now().minus(Duration.ofMinutes(1)));

		JsonNode answer = api.post(users.integration(), "/api/usage-events",
				UsageEvents.batch(ancient, beforeEpoch, farFuture, today)).getBody();

		assertThat(answer.get("accepted").asInt()).isOne();
		assertThat(answer.get("rejected")).extracting(rejection -> rejection.get("problems").get(0).asText())
			.containsExactly("occurredAt -999999999-01-01T00:00:00Z " + RANGE + " (UTC)",
					"occurredAt 1969-12-31T23:59:59Z " + RANGE + " (UTC)",
					"occurredAt +999999999-12-31T00:00:00Z " + RANGE + " (UTC)");
		ResponseEntity<JsonNode> usage = api.get(users.csm(), "/api/customers/" + ref + "/usage");
		assertThat(usage.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(usage.getBody().get("days")).hasSize(1);
	}

	@Test
	void refusesQueryPeriodsOutsideTheYears() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		ResponseEntity<JsonNode> usage = api.getEncoded(users.csm(),
				"/api/customers/" + ref + "/usage?from=-999999999-01-01&to=%2B999999999-12-31");
		ResponseEntity<JsonNode> timeline = api.getEncoded(users.csm(),
				"/api/customers/" + ref + "/timeline?from=1969-12-31&to=%2B999999999-01-01T00:00:00Z");
		ResponseEntity<JsonNode> metrics = api.get(users.cxOps(), "/api/metrics/onboarding?from=1969-12&to=2200-01");

		assertThat(errors(usage)).containsExactly("to: '+999999999-12-31' " + RANGE, "from: '-999999999-01-01' " + RANGE);
		assertThat(errors(timeline)).containsExactly("from: '1969-12-31' " + RANGE + " (UTC)",
				"to: '+999999999-01-01T00:00:00Z' " + RANGE + " (UTC)");
		assertThat(errors(metrics)).containsExactly("to: '2200-01' " + RANGE, "from: '1969-12' " + RANGE);
	}

	static List<String> errors(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		List<String> errors = new ArrayList<>();
		response.getBody()
			.get("errors")
			.forEach(error -> errors.add(error.get("field").asText() + ": " + error.get("message").asText()));
		return errors;
	}

}
