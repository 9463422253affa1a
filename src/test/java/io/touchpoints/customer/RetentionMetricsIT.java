package io.touchpoints.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/**
 * Retention figures against a hand count. Five customers in 2019 (no other test's subscriptions are that old):
 * A renews on 20 January from 1,000 to 1,200; B (2,000) cancels on 15 January, too expensive; C (3,000) contracts
 * to 2,400 from 10 February; D (500) is new on 5 February; E cancelled in December 2018 and comes back on 10 March
 * (700).
 */
@IntegrationTest
class RetentionMetricsIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	static boolean arranged;

	@BeforeEach
	void fiveCustomersIn2019() {
		if (arranged) {
			return;
		}
		String a = customers.create("Ana", "es", "Europe/Madrid");
		String b = customers.create("Ben", "en", "Europe/London");
		String c = customers.create("Chloé", "fr", "Europe/Paris");
		String d = customers.create("Dan", "en", "Europe/London");
		String e = customers.create("Eve", "en", "Europe/London");
		buy(a, "a1-" + a, "2018-06-01", "2019-01-20", 1000);
		buy(b, "b1-" + b, "2018-03-01", "2019-03-01", 2000);
		buy(c, "c1-" + c, "2018-09-01", "2019-09-01", 3000);
		buy(e, "e1-" + e, "2018-01-01", "2019-01-01", 900);
		EngineTime.set(Instant.parse("2018-12-01T12:00:00Z"));
		ok(api.post(users.integration(), "/api/subscriptions/e1-" + e + "/cancellation", "{\"reasons\":[\"not_using\"]}"));
		EngineTime.set(Instant.parse("2019-01-15T12:00:00Z"));
		ok(api.post(users.integration(), "/api/subscriptions/b1-" + b + "/cancellation", """
				{"reasons":["too_expensive"],"comment":"Budget cut"}"""));
		EngineTime.set(EngineTime.MONDAY_MORNING);
		ok(api.post(users.integration(), "/api/subscriptions/a1-" + a + "/renewal", """
				{"renewalDate":"2020-01-20","annualValue":1200}"""));
		ok(api.put(users.integration(), "/api/subscriptions/c1-" + c, """
				{"plan":"pro","renewalDate":"2019-09-01","annualValue":2400,"effectiveOn":"2019-02-10"}"""));
		buy(d, "d1-" + d, "2019-02-05", "2020-02-05", 500);
		buy(e, "e2-" + e, "2019-03-10", "2020-03-10", 700);
		arranged = true;
	}

	@Test
	void monthByMonthAsCountedByHand() {
		JsonNode periods = report("from=2019-01&to=2019-03&by=month").get("periods");

		JsonNode january = periods.get(0);
		assertThat(january.get("period").asText()).isEqualTo("2019-01");
		assertThat(january.get("customersAtStart").asInt()).isEqualTo(3);
		assertThat(january.get("customersChurned").asInt()).isEqualTo(1);
		assertThat(january.get("logoChurn").decimalValue()).isEqualByComparingTo("0.3333");
		assertThat(january.get("arrAtStart").decimalValue()).isEqualByComparingTo("6000");
		assertThat(january.get("arrChurned").decimalValue()).isEqualByComparingTo("2000");
		assertThat(january.get("arrExpanded").decimalValue()).isEqualByComparingTo("200");
		assertThat(january.get("arrContracted").decimalValue()).isEqualByComparingTo("0");
		assertThat(january.get("grossRevenueRetention").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(january.get("netRevenueRetention").decimalValue()).isEqualByComparingTo("0.7");
		assertThat(january.get("arrDue").decimalValue()).isEqualByComparingTo("1000");
		assertThat(january.get("arrRenewed").decimalValue()).as("capped at what was due").isEqualByComparingTo("1000");
		assertThat(january.get("renewalRate").decimalValue()).isEqualByComparingTo("1");
		assertThat(january.get("cancellationReasons").toString())
			.isEqualTo("[{\"code\":\"too_expensive\",\"count\":1,\"arr\":2000.00}]");
		assertThat(january.get("customersLapsedAtStart").asInt()).isOne();
		assertThat(january.get("customersWonBack").asInt()).isZero();
		// Six months to 1 February: A, B and E active on 1 August, B and E gone: 2/3, a year 1 - (1/3)^2 = 8/9;
		// A (1,200) and C (3,000) active: 2,100 / (8/9).
		assertThat(january.get("customerLifetimeValue").decimalValue()).isEqualByComparingTo("2362.50");

		JsonNode february = periods.get(1);
		assertThat(february.get("customersAtStart").asInt()).isEqualTo(2);
		assertThat(february.get("arrAtStart").decimalValue()).isEqualByComparingTo("4200");
		assertThat(february.get("arrContracted").decimalValue()).isEqualByComparingTo("600");
		assertThat(february.get("grossRevenueRetention").decimalValue()).isEqualByComparingTo("0.8571");
		assertThat(february.get("netRevenueRetention").decimalValue()).isEqualByComparingTo("0.8571");
		assertThat(february.has("renewalRate")).as("nothing due").isFalse();
		assertThat(february.get("cancellationReasons")).isEmpty();
		assertThat(february.get("customersLapsedAtStart").asInt()).isEqualTo(2);
		assertThat(february.get("customerLifetimeValue").decimalValue()).as("(1,200 + 2,400 + 500) / 3 / (8/9)")
			.isEqualByComparingTo("1537.50");

		JsonNode march = periods.get(2);
		assertThat(march.get("customersAtStart").asInt()).as("D counts from March").isEqualTo(3);
		assertThat(march.get("arrAtStart").decimalValue()).isEqualByComparingTo("4100");
		assertThat(march.get("grossRevenueRetention").decimalValue()).isEqualByComparingTo("1");
		assertThat(march.get("customersWonBack").asInt()).isOne();
		assertThat(march.get("winbackRate").decimalValue()).isEqualByComparingTo("0.5");
		// Six months to 1 April: A, B, C and E active on 1 October, only B gone (E is back): 1/4, a year 7/16;
		// four active at 1,200 on average.
		assertThat(march.get("customerLifetimeValue").decimalValue()).isEqualByComparingTo("2742.86");
	}

	@Test
	void aQuarterCountsItsCohortOnce() {
		JsonNode quarter = report("from=2019-01&to=2019-03&by=quarter").get("periods").get(0);

		assertThat(quarter.get("period").asText()).isEqualTo("2019-Q1");
		assertThat(quarter.get("customersAtStart").asInt()).isEqualTo(3);
		assertThat(quarter.get("grossRevenueRetention").decimalValue()).isEqualByComparingTo("0.5667");
		assertThat(quarter.get("netRevenueRetention").decimalValue()).isEqualByComparingTo("0.6");
		assertThat(quarter.get("arrDue").decimalValue()).as("A in January and B in March").isEqualByComparingTo("3000");
		assertThat(quarter.get("renewalRate").decimalValue()).isEqualByComparingTo("0.3333");
		assertThat(quarter.get("winbackRate").decimalValue()).isEqualByComparingTo("1");
	}

	@Test
	void aCancellationCountsWhatTheSubscriptionWasWorthWhenItEnded() {
		// In 2021, apart from the 2019 customers: G renewed early (from 800 to 1,000 as of 1 May), then cancelled in
		// February, before the renewal took effect.
		String g = customers.create("Gus", "en", "Europe/London");
		buy(g, "g1-" + g, "2020-05-01", "2021-05-01", 800);
		ok(api.post(users.integration(), "/api/subscriptions/g1-" + g + "/renewal", """
				{"renewalDate":"2022-05-01","annualValue":1000}"""));
		EngineTime.set(Instant.parse("2021-02-20T12:00:00Z"));
		ok(api.post(users.integration(), "/api/subscriptions/g1-" + g + "/cancellation", "{\"reasons\":[\"poor_support\"]}"));
		EngineTime.set(EngineTime.MONDAY_MORNING);

		JsonNode february = report("from=2021-02&to=2021-12&by=month").get("periods").get(0);

		assertThat(february.get("cancellationReasons").toString())
			.isEqualTo("[{\"code\":\"poor_support\",\"count\":1,\"arr\":800.00}]");
		assertThat(february.get("arrChurned").decimalValue()).isEqualByComparingTo("800");
	}

	@Test
	void badParametersAreNamed() {
		ResponseEntity<JsonNode> refused = api.getEncoded(users.integration(), "/api/metrics/retention?by=week&from=2019-13");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(refused)).contains("by", "from");
		assertThat(api.getEncoded(users.csm(), "/api/metrics/retention").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private JsonNode report(String query) {
		ResponseEntity<JsonNode> response = api.getEncoded(users.cxOps(), "/api/metrics/retention?" + query);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private void buy(String ref, String purchaseId, String start, String renewal, int value) {
		ok(api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"%s","plan":"pro","startDate":"%s","renewalDate":"%s","annualValue":%d}"""
			.formatted(purchaseId, start, renewal, value)));
	}

	private static void ok(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
	}

}
