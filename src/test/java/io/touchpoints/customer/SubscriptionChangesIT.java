package io.touchpoints.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.touchpoints.process.ModelNames;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/** Billing changes and renews subscriptions: every change on the ledger and the timeline, once, bad input named. */
@IntegrationTest
class SubscriptionChangesIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	String ref;

	String purchase;

	@BeforeEach
	void aCustomerWhoBoughtWithAValueAndSeats() {
		ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		purchase = "po-" + ref;
		assertThat(api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"%s","plan":"pro","startDate":"2026-11-23","renewalDate":"2027-11-23",
				 "annualValue":12000,"seats":25}""".formatted(purchase)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aPurchaseCarriesItsAnnualValueAndSeats() {
		JsonNode subscription = api.get(users.integration(), "/api/customers/" + ref).getBody().get("subscriptions").get(0);

		assertThat(subscription.get("annualValue").decimalValue()).isEqualByComparingTo("12000");
		assertThat(subscription.get("seats").asInt()).isEqualTo(25);
		assertThat(subscription.has("cancellation")).as("none, so not shown").isFalse();
		assertThat(ledger()).containsExactly(Map.of("kind", "started", "effective", "2026-11-23", "before", "-",
				"after", "12000.00", "renewal", "2027-11-23"));
	}

	@Test
	void aChangeLandsOnTheLedgerAndTimelineOnceHoweverOftenItIsReported() {
		String change = """
				{"plan":"enterprise","renewalDate":"2027-11-23","annualValue":18000.50,"seats":40,"effectiveOn":"2026-12-01"}""";

		ResponseEntity<JsonNode> first = api.put(users.integration(), "/api/subscriptions/" + purchase, change);
		ResponseEntity<JsonNode> again = api.put(users.integration(), "/api/subscriptions/" + purchase, change);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody().get("plan").asText()).isEqualTo("enterprise");
		assertThat(first.getBody().get("annualValue").decimalValue()).isEqualByComparingTo("18000.50");
		assertThat(first.getBody().get("seats").asInt()).isEqualTo(40);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody()).isEqualTo(first.getBody());
		assertThat(ledger()).hasSize(2).last().isEqualTo(Map.of("kind", "changed", "effective", "2026-12-01",
				"before", "12000.00", "after", "18000.50", "renewal", "2027-11-23"));
		assertThat(api.timelineSummaries(users.csm(), ref)).containsOnlyOnce("Subscription '" + purchase
				+ "' changed from 2026-12-01: plan pro → enterprise; annual value 12000.00 a year → 18000.50 a year; seats 25 → 40");
	}

	@Test
	void aChangeWithoutEffectiveDateTakesEffectTodayAndThePurchaseSentAgainIsStillThePurchase() {
		api.put(users.integration(), "/api/subscriptions/" + purchase, """
				{"plan":"pro","renewalDate":"2028-01-31","annualValue":12000,"seats":25}""");

		ResponseEntity<JsonNode> purchaseAgain = api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"%s","plan":"pro","startDate":"2026-11-23","renewalDate":"2027-11-23",
				 "annualValue":12000,"seats":25}""".formatted(purchase));

		assertThat(purchaseAgain.getStatusCode()).as("a retried purchase is compared with the purchase as made")
			.isEqualTo(HttpStatus.OK);
		assertThat(ledger().get(1)).containsEntry("effective", "2026-11-23").containsEntry("renewal", "2028-01-31");
		assertThat(api.timelineSummaries(users.csm(), ref))
			.contains("Subscription '" + purchase + "' changed from 2026-11-23: renewal date 2027-11-23 → 2028-01-31");
	}

	@Test
	void aChangeNamesEveryBadFieldAndWritesNothing() {
		ResponseEntity<JsonNode> refused = api.put(users.integration(), "/api/subscriptions/" + purchase, """
				{"plan":" ","annualValue":-1.005,"seats":0}""");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(refused)).contains("plan", "renewalDate", "annualValue", "seats");
		assertThat(ledger()).hasSize(1);
	}

	@Test
	void aChangeCannotMoveTheRenewalBeforeTheStartNorTakeEffectBeforeIt() {
		ResponseEntity<JsonNode> refused = api.put(users.integration(), "/api/subscriptions/" + purchase, """
				{"plan":"pro","renewalDate":"2026-11-23","annualValue":12000,"effectiveOn":"2026-11-22"}""");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problems(refused)).containsEntry("renewalDate", "must be after the subscription's startDate 2026-11-23")
			.containsEntry("effectiveOn", "must not be before the subscription's startDate 2026-11-23");
		assertThat(ledger()).hasSize(1);
	}

	@Test
	void anUnknownSubscriptionIsNotFoundAndACancelledOneDoesNotChange() {
		ResponseEntity<JsonNode> unknown = api.put(users.integration(), "/api/subscriptions/po-nobody", """
				{"plan":"pro","renewalDate":"2027-11-23","annualValue":1}""");
		api.post(users.integration(), "/api/subscriptions/" + purchase + "/cancellation", "{}");
		ResponseEntity<JsonNode> cancelled = api.put(users.integration(), "/api/subscriptions/" + purchase, """
				{"plan":"pro","renewalDate":"2027-11-23","annualValue":1}""");
		ResponseEntity<JsonNode> renewal = api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", """
				{"renewalDate":"2028-11-23","annualValue":1}""");

		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(Api.problemFields(unknown)).containsExactly("purchaseId");
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Api.problems(cancelled)).containsEntry("purchaseId", "is cancelled");
		assertThat(renewal.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void aRenewalRunsTheSubscriptionOnFromItsDueDateOnceAndReachesTheLifecycleWaitingForIt() {
		ProcessInstance lifecycle = lifecycleWaitingForARenewal();
		String renewal = """
				{"renewalDate":"2028-11-23","annualValue":13200}""";

		ResponseEntity<JsonNode> renewed = api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", renewal);
		ResponseEntity<JsonNode> again = api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", renewal);

		assertThat(renewed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(renewed.getBody().get("renewalDate").asText()).isEqualTo("2028-11-23");
		assertThat(renewed.getBody().get("plan").asText()).as("unchanged when the renewal does not say").isEqualTo("pro");
		assertThat(renewed.getBody().get("seats").asInt()).isEqualTo(25);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ledger()).hasSize(2).last().isEqualTo(Map.of("kind", "renewed", "effective", "2027-11-23",
				"before", "12000.00", "after", "13200.00", "renewal", "2028-11-23"));
		assertThat(api.timelineSummaries(users.csm(), ref)).containsOnlyOnce("Subscription '" + purchase
				+ "' renewed until 2028-11-23, at 13200.00 a year (was 12000.00 a year)");
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(lifecycle.getId())
			.activityId("EventCatch_SubscriptionRenewed").finished().count()).as("the lifecycle heard it once").isOne();
		assertThat(lifecycle).as("engaged until the next renewal").isWaitingAt("Gateway_UntilRenewal");
	}

	@Test
	void aRenewalSentAgainAfterBillingCorrectedItIsStillTheSameRenewal() {
		String renewal = """
				{"renewalDate":"2028-11-23","annualValue":13200}""";
		api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", renewal);
		api.put(users.integration(), "/api/subscriptions/" + purchase, """
				{"plan":"pro","renewalDate":"2028-11-20","annualValue":13000,"seats":25}""");

		ResponseEntity<JsonNode> again = api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", renewal);

		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("renewalDate").asText()).as("the correction stands").isEqualTo("2028-11-20");
		assertThat(ledger()).extracting(row -> row.get("kind")).containsExactly("started", "renewed", "changed");
	}

	@Test
	void theSameRenewalOnOtherTermsIsAConflictAndAnEarlierDateIsRefused() {
		api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", """
				{"renewalDate":"2028-11-23","annualValue":13200}""");

		ResponseEntity<JsonNode> otherValue = api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", """
				{"renewalDate":"2028-11-23","annualValue":9000}""");
		ResponseEntity<JsonNode> earlier = api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", """
				{"renewalDate":"2028-06-01","annualValue":13200}""");
		ResponseEntity<JsonNode> missing = api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", "{}");

		assertThat(otherValue.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Api.problems(otherValue)).containsEntry("annualValue", "differs from the recorded 13200.00");
		assertThat(earlier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problems(earlier)).containsEntry("renewalDate", "must be after the current renewal date 2028-11-23");
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(missing)).contains("renewalDate", "annualValue");
		assertThat(ledger()).hasSize(2);
	}

	private ProcessInstance lifecycleWaitingForARenewal() {
		ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE)
			.processInstanceBusinessKey(ref)
			.singleResult();
		// As if the customer had been through onboarding and their first 90 days.
		runtimeService.createProcessInstanceModification(lifecycle.getId())
			.startBeforeActivity("EventCatch_SubscriptionRenewed")
			.execute();
		return lifecycle;
	}

	private List<Map<String, String>> ledger() {
		return jdbc.query("select c.kind, c.effective_on, c.annual_value_before, c.annual_value, c.renewal_date "
				+ "from subscription_change c join subscription s on s.id = c.subscription_id where s.purchase_id = ? "
				+ "order by c.id", (rs, row) -> Map.of("kind", rs.getString(1), "effective", rs.getDate(2).toString(),
						"before", rs.getBigDecimal(3) == null ? "-" : rs.getBigDecimal(3).toPlainString(),
						"after", rs.getBigDecimal(4) == null ? "-" : rs.getBigDecimal(4).toPlainString(),
						"renewal", rs.getDate(5).toString()),
				purchase);
	}

}
