package io.touchpoints.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/**
 * Cancellations as billing reports them: reasons from the list CX ops keep, the customer's words, at once or at the
 * end of the term (the customer stays a customer until the first moment of that day in their time zone).
 */
@IntegrationTest
class CancellationIT {

	/** The first moment of the renewal date 2027-11-23 in Los Angeles. */
	static final Instant TERM_ENDS_IN_LOS_ANGELES = Instant.parse("2027-11-23T08:00:00Z");

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SubscriptionTermEnds termEnds;

	@Autowired
	SubscriptionCancellations cancellations;

	String ref;

	String purchase;

	@BeforeEach
	void aCustomerInLosAngeles() {
		ref = customers.create("Zoe Brooks", "en", "America/Los_Angeles");
		customers.purchase(ref, false);
		purchase = "po-" + ref;
	}

	@Test
	void anImmediateCancellationRecordsItsReasonsAndTheCustomerChurns() {
		ResponseEntity<JsonNode> cancelled = cancel("""
				{"reasons":["too_expensive","switched_competitor","too_expensive"],"comment":"Found a cheaper tool.",
				 "effective":"immediately"}""");

		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancelled.getBody().get("status").asText()).isEqualTo("cancelled");
		JsonNode cancellation = cancelled.getBody().get("cancellation");
		assertThat(cancellation.get("reasons")).extracting(JsonNode::asText)
			.containsExactly("too_expensive", "switched_competitor");
		assertThat(cancellation.get("comment").asText()).isEqualTo("Found a cheaper tool.");
		assertThat(cancellation.get("effective").asText()).isEqualTo("immediately");
		assertThat(cancelled.getBody().get("reason").asText()).as("the older name").isEqualTo("Found a cheaper tool.");
		assertThat(stage()).isEqualTo("winback");
		JsonNode entry = timelineEntry("subscription.cancelled");
		assertThat(entry.get("summary").asText()).isEqualTo("Subscription '" + purchase + "' cancelled");
		assertThat(entry.get("detail").asText())
			.isEqualTo("Reasons: Too expensive, We switched to another product\nFound a cheaper tool.");
		assertThat(ledgerKinds()).containsExactly("started:2026-11-23", "cancelled:2026-11-23");
	}

	@Test
	void theSameCancellationAgainChangesNothingAndOtherReasonsAreAConflict() {
		cancel("""
				{"reasons":["not_using"],"comment":"Never set it up."}""");

		ResponseEntity<JsonNode> again = cancel("""
				{"reasons":["not_using"],"comment":"Never set it up."}""");
		ResponseEntity<JsonNode> empty = cancel("{}");
		ResponseEntity<JsonNode> other = cancel("""
				{"reasons":["poor_support"],"comment":"Never set it up."}""");

		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Api.problems(other)).containsEntry("reasons", "differ from the recorded [not_using]");
		assertThat(ledgerKinds()).containsExactly("started:2026-11-23", "cancelled:2026-11-23");
		assertThat(api.timeline(users.csm(), ref).stream().filter(e -> e.get("kind").asText().equals("subscription.cancelled")))
			.hasSize(1);
	}

	@Test
	void badInputIsNamedFieldByFieldAndCancelsNothing() {
		ResponseEntity<JsonNode> unknownReason = cancel("""
				{"reasons":["too_expensive","bored"]}""");
		ResponseEntity<JsonNode> malformed = cancel("""
				{"reasons":["Too Expensive","bored"],"effective":"next_month","comment":"%s"}""".formatted("x".repeat(2001)));
		ResponseEntity<JsonNode> twoComments = cancel("""
				{"comment":"Too dear","reason":"Moving on"}""");

		assertThat(unknownReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problems(unknownReason)).containsEntry("reasons[1]", "is not a known reason; known reasons are "
				+ "business_closed, missing_features, not_using, other, poor_support, switched_competitor, too_expensive");
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(malformed)).as("every problem in one answer")
			.contains("effective", "comment", "reasons[0]", "reasons[1]");
		assertThat(twoComments.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(twoComments)).containsExactly("reason");
		assertThat(subscription().get("status").asText()).isEqualTo("active");
		assertThat(stage()).isEqualTo("onboarding");
	}

	@Test
	void atTheEndOfTheTermTheCustomerStaysUntilTheirRenewalDayBegins() {
		ResponseEntity<JsonNode> scheduled = cancel("""
				{"reasons":["missing_features"],"comment":"No SSO.","effective":"end_of_term"}""");

		assertThat(scheduled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(scheduled.getBody().get("status").asText()).isEqualTo("active");
		assertThat(scheduled.getBody().get("endsOn").asText()).isEqualTo("2027-11-23");
		assertThat(scheduled.getBody().get("cancellation").get("effective").asText()).isEqualTo("end_of_term");
		assertThat(cancel("""
				{"reasons":["missing_features"],"comment":"No SSO.","effective":"end_of_term"}""").getStatusCode())
			.as("reported again").isEqualTo(HttpStatus.OK);
		assertThat(stage()).as("still a customer").isEqualTo("onboarding");
		assertThat(api.timelineSummaries(users.csm(), ref)).containsOnlyOnce("Subscription '" + purchase
				+ "' cancelled as of the end of its term: active until 2027-11-23");

		EngineTime.set(TERM_ENDS_IN_LOS_ANGELES.minusSeconds(1));
		termEnds.sweep();
		assertThat(subscription().get("status").asText()).as("the last second of 22 November in Los Angeles")
			.isEqualTo("active");
		assertThat(stage()).isEqualTo("onboarding");

		EngineTime.set(TERM_ENDS_IN_LOS_ANGELES);
		termEnds.sweep();
		termEnds.sweep();

		assertThat(subscription().get("status").asText()).isEqualTo("cancelled");
		assertThat(subscription().get("cancelledAt").asText()).isEqualTo("2027-11-23T08:00:00Z");
		assertThat(stage()).isEqualTo("winback");
		assertThat(api.timelineSummaries(users.csm(), ref))
			.containsOnlyOnce("Subscription '" + purchase + "' ended with its term, as cancelled on 2026-11-23");
		assertThat(ledgerKinds()).containsExactly("started:2026-11-23", "cancellation-scheduled:2027-11-23",
				"cancelled:2027-11-23");
	}

	@Test
	void aCancellationAtTheEndOfTheTermMayBeBroughtForward() {
		cancel("""
				{"reasons":["business_closed"],"effective":"end_of_term"}""");

		ResponseEntity<JsonNode> now = cancel("""
				{"effective":"immediately"}""");

		assertThat(now.getBody().get("status").asText()).isEqualTo("cancelled");
		assertThat(now.getBody().get("cancellation").get("effective").asText()).isEqualTo("immediately");
		assertThat(now.getBody().has("endsOn")).isFalse();
		assertThat(now.getBody().get("cancellation").get("reasons")).extracting(JsonNode::asText)
			.as("the reasons given before").containsExactly("business_closed");
		assertThat(stage()).isEqualTo("winback");
	}

	@Test
	void aRenewalVoidsACancellationAtTheEndOfTheTermAndAMovedRenewalMovesIt() {
		cancel("""
				{"reasons":["too_expensive"],"effective":"end_of_term"}""");
		ResponseEntity<JsonNode> moved = api.put(users.integration(), "/api/subscriptions/" + purchase, """
				{"plan":"pro","renewalDate":"2027-12-31","annualValue":9000}""");
		assertThat(moved.getBody().get("endsOn").asText()).isEqualTo("2027-12-31");

		ResponseEntity<JsonNode> renewed = api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", """
				{"renewalDate":"2028-12-31","annualValue":8000}""");

		assertThat(renewed.getBody().has("endsOn")).isFalse();
		assertThat(renewed.getBody().has("cancellation")).isFalse();
		assertThat(timelineEntry("subscription.renewed").get("detail").asText())
			.isEqualTo("The cancellation planned for 2027-12-31 is void");
		EngineTime.set(Instant.parse("2028-01-01T00:00:00Z"));
		termEnds.sweep();
		assertThat(subscription().get("status").asText()).isEqualTo("active");
	}

	@Test
	void twoNodesEndingTheSameTermEndItOnce() throws Exception {
		cancel("""
				{"reasons":["other"],"effective":"end_of_term"}""");
		EngineTime.set(TERM_ENDS_IN_LOS_ANGELES);
		long id = jdbc.queryForObject("select id from subscription where purchase_id = ?", Long.class, purchase);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Boolean>> both = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				both.add(() -> {
					EngineTime.set(TERM_ENDS_IN_LOS_ANGELES);
					try {
						return cancellations.endTerm(id);
					}
					catch (org.springframework.dao.OptimisticLockingFailureException lost) {
						return false;
					}
				});
			}
			List<Boolean> ended = new ArrayList<>();
			for (Future<Boolean> result : nodes.invokeAll(both)) {
				ended.add(result.get());
			}
			assertThat(ended).containsOnlyOnce(true);
		}
		finally {
			nodes.shutdown();
		}
		assertThat(ledgerKinds()).containsOnlyOnce("cancelled:2027-11-23");
		assertThat(api.timeline(users.csm(), ref).stream().filter(e -> e.get("kind").asText().equals("subscription.cancelled")))
			.hasSize(1);
	}

	@Test
	void aCustomerWhoseTwoSubscriptionsAreCancelledAtOnceChurns() throws Exception {
		String second = "po2-" + ref;
		api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"%s","plan":"enterprise","startDate":"2026-11-23","renewalDate":"2027-05-23"}"""
			.formatted(second));
		ExecutorService billing = Executors.newFixedThreadPool(2);
		try {
			List<Future<ResponseEntity<JsonNode>>> both = billing.invokeAll(List.of(() -> cancel("{}"),
					() -> api.post(users.integration(), "/api/subscriptions/" + second + "/cancellation", "{}")));
			for (Future<ResponseEntity<JsonNode>> cancelled : both) {
				assertThat(cancelled.get().getStatusCode()).isEqualTo(HttpStatus.OK);
			}
		}
		finally {
			billing.shutdown();
		}

		assertThat(stage()).as("the last of the two, whichever it was, saw nothing active left").isEqualTo("winback");
	}

	@Test
	void theOlderReasonFieldIsStillTheComment() {
		ResponseEntity<JsonNode> cancelled = cancel("""
				{"reason":"Too dear."}""");

		assertThat(cancelled.getBody().get("cancellation").get("comment").asText()).isEqualTo("Too dear.");
		assertThat(cancelled.getBody().get("cancellation").get("reasons")).isEmpty();
	}

	@Test
	void aCommentOfTwoThousandCharactersIsKeptWhole() {
		String words = "Too dear. ".repeat(200);

		ResponseEntity<JsonNode> cancelled = cancel("{\"comment\":\"" + words + "\"}");

		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(subscription().get("cancellation").get("comment").asText()).isEqualTo(words);
	}

	private ResponseEntity<JsonNode> cancel(String body) {
		return api.post(users.integration(), "/api/subscriptions/" + purchase + "/cancellation", body);
	}

	private JsonNode subscription() {
		return api.get(users.integration(), "/api/customers/" + ref).getBody().get("subscriptions").get(0);
	}

	private String stage() {
		return api.get(users.integration(), "/api/customers/" + ref).getBody().get("stage").asText();
	}

	private JsonNode timelineEntry(String kind) {
		return api.timeline(users.csm(), ref).stream().filter(e -> e.get("kind").asText().equals(kind)).findFirst()
			.orElseThrow();
	}

	private List<String> ledgerKinds() {
		return jdbc.queryForList("select c.kind || ':' || cast(c.effective_on as varchar(10)) from subscription_change c "
				+ "join subscription s on s.id = c.subscription_id where s.purchase_id = ? order by c.id", String.class,
				purchase);
	}

}
