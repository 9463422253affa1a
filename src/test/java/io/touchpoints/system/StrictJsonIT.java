package io.touchpoints.system;

import static io.touchpoints.system.AcceptedDatesIT.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.customer.Subscriptions;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/**
 * A string, a number and a boolean are three things: a value of the wrong type is refused, never converted, and
 * one answer names every such value of a body, with the other fields' problems. Query parameters are named too.
 */
@IntegrationTest
class StrictJsonIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	Subscriptions subscriptions;

	@Test
	void namesEveryValueOfTheWrongTypeInOneAnswer() {
		String ref = "strict-" + UUID.randomUUID();

		ResponseEntity<JsonNode> refused = api.put(users.integration(), "/api/customers/" + ref, """
				{"name":123,"email":true,"locale":["es"],"timeZone":{"id":"Europe/Madrid"},"tier":"Premium Plus",
				 "annualValue":"12000"}""");

		assertThat(errors(refused)).containsExactly("name: must be a string, not 123", "email: must be a string, not true",
				"locale: must be a string, not an array", "timeZone: must be a string, not an object",
				"annualValue: must be a number, not '12000'",
				"tier: must be 1 to 40 lowercase letters, digits or dashes");
		assertThat(api.get(users.integration(), "/api/customers/" + ref).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesNumbersAndBooleansWhereStringsBelongAndStringsWhereBooleansBelong() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		ResponseEntity<JsonNode> refused = api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":42,"plan":true,"startDate":20261123,"renewalDate":"2027-11-23","migrating":"yes"}""");

		assertThat(errors(refused)).containsExactly("purchaseId: must be a string, not 42",
				"plan: must be a string, not true", "startDate: must be a date like 2026-11-23, not 20261123",
				"migrating: must be true or false, not 'yes'");
		assertThat(subscriptions.findByPurchaseId("42")).isEmpty();
	}

	@Test
	void refusesABodyThatIsNoObject() {
		String path = "/api/customers/strict-" + UUID.randomUUID();

		assertThat(errors(api.put(users.integration(), path, "[\"Ana\"]")))
			.containsExactly("body: must be an object, not an array");
		assertThat(errors(api.put(users.integration(), path, "\"Ana\""))).containsExactly("body: must be an object, not 'Ana'");
	}

	@Test
	void refusesANumberAsACancellationReason() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);

		ResponseEntity<JsonNode> refused = api.post(users.integration(),
				"/api/subscriptions/po-" + ref + "/cancellation", "{\"reason\":404}");

		assertThat(errors(refused)).containsExactly("reason: must be a string, not 404");
	}

	@Test
	void readsNumbersAsWrittenAndNamesOneTooLargeForItsField() {
		String ref = "strict-" + UUID.randomUUID();
		String customer = "{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"locale\":\"es\",\"timeZone\":\"Europe/Madrid\","
				+ "\"annualValue\":%s}";

		for (String tooLarge : new String[] { "1e400", "1e-400", "12000.001", "99999999999999" }) {
			assertThat(errors(api.put(users.integration(), "/api/customers/" + ref, customer.formatted(tooLarge))))
				.as(tooLarge)
				.containsExactly("annualValue: must have at most 13 digits before the decimal point and 2 after it");
		}
		assertThat(api.get(users.integration(), "/api/customers/" + ref).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		api.put(users.integration(), "/api/customers/" + ref, customer.formatted("9999999999999.99"));
		assertThat(api.get(users.integration(), "/api/customers/" + ref).getBody().get("annualValue").decimalValue())
			.isEqualByComparingTo("9999999999999.99");
	}

	@Test
	void namesANumberTooLargeForAnyJavaType() {
		String ref = "strict-" + UUID.randomUUID();

		assertThat(errors(api.put(users.integration(), "/api/customers/" + ref, """
				{"name":"Ana","email":"ana@example.com","locale":"es","timeZone":"Europe/Madrid","annualValue":1e2147483648}""")))
			.containsExactly("annualValue: is a number too large to read");
		assertThat(errors(api.post(users.integration(), "/api/usage-events", """
				[{"eventId":"big-%s","customerRef":"%s","type":"login","occurredAt":"2026-11-25T09:00:00Z",
				  "properties":{"seats":1e2147483648}}]""".formatted(ref, ref))))
			.containsExactly("body: holds a number too large to read");
	}

	@Test
	void namesAWholeNumberBeyondWhatItsFieldHolds() {
		ResponseEntity<JsonNode> refused = api.post(users.csm(), "/api/check-ins/no-such-check-in/reschedule",
				"{\"startsAt\":\"2026-12-02T10:00\",\"durationMinutes\":10000000000}");

		assertThat(errors(refused))
			.containsExactly("durationMinutes: must be a whole number from -2147483648 to 2147483647, not 10000000000");
	}

	@Test
	void refusesAKeyGivenTwiceNamingEachSuchKey() {
		String ref = "strict-" + UUID.randomUUID();

		ResponseEntity<JsonNode> refused = api.put(users.integration(), "/api/customers/" + ref, """
				{"name":"A","email":"a@example.com","locale":"en","timeZone":"UTC","tier":"premium","annualValue":1,
				 "name":"B","tier":"standard"}""");

		assertThat(errors(refused)).containsExactly("name: is given more than once; give each field once",
				"tier: is given more than once; give each field once");
		assertThat(api.get(users.integration(), "/api/customers/" + ref).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesAUsageEventBatchWithAKeyGivenTwice() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		ResponseEntity<JsonNode> refused = api.post(users.integration(), "/api/usage-events", """
				[{"eventId":"dup-%s","customerRef":"%s","type":"login","occurredAt":"2026-11-25T09:00:00Z",
				  "customerRef":"someone-else"}]""".formatted(ref, ref));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").asText()).contains("Duplicate field 'customerRef'");
	}

	@Test
	void namesQueryParametersOfTheWrongTypeOrMissing() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		assertThat(errors(api.get(users.csm(), "/api/customers/" + ref + "/timeline?size=ten")))
			.containsExactly("size: must be a whole number, not 'ten'");
		assertThat(errors(api.get(users.cxOps(), "/api/templates/welcome/preview"))).containsExactly("customer: is required");
	}

}
