package io.touchpoints.system;

import static io.touchpoints.system.AcceptedDatesIT.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/**
 * Names and identifiers refuse control characters, each answer naming the field and the character; names in any
 * script, with the joiners and marks they need, are kept exactly.
 */
@IntegrationTest
class ControlCharactersIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@ParameterizedTest
	@CsvSource({ "\\u0000, U+0000 (NULL)", "\\u0085, U+0085 (NEXT LINE (NEL))", "\\u2028, U+2028 (LINE SEPARATOR)",
			"\\u2029, U+2029 (PARAGRAPH SEPARATOR)", "\\u202e, U+202E (RIGHT-TO-LEFT OVERRIDE)",
			"\\u2067, U+2067 (RIGHT-TO-LEFT ISOLATE)", "\\u001b, U+001B (ESCAPE)" })
	void refusesControlCharactersInNamesNamingTheCharacter(String escape, String character) {
		String ref = "cc-" + UUID.randomUUID();

		ResponseEntity<JsonNode> refused = api.put(users.integration(), "/api/customers/" + ref,
				Api.customerJson("Ana" + escape + "García", "ana@example.com", "es"));

		assertThat(errors(refused))
			.containsExactly("name: must not contain control characters; found " + character + " at position 4");
		assertThat(api.get(users.integration(), "/api/customers/" + ref).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesUnpairedSurrogates() {
		ResponseEntity<JsonNode> refused = api.put(users.integration(), "/api/customers/cc-" + UUID.randomUUID(),
				Api.customerJson("Ana\\ud800", "ana@example.com", "es"));

		assertThat(errors(refused)).containsExactly("name: must not contain unpaired surrogates; found U+D800 at position 4");
	}

	@Test
	void refusesControlCharactersInPurchaseIdsAndPlans() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		ResponseEntity<JsonNode> refused = api.post(users.integration(), "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-\\u0000" + ref, false).replace("\"pro\"", "\"Pro\\u2028\""));

		assertThat(errors(refused)).containsExactlyInAnyOrder(
				"purchaseId: must not contain control characters; found U+0000 (NULL) at position 4",
				"purchaseId: must be 1 to 100 letters, digits or . _ : @ -",
				"plan: must not contain control characters; found U+2028 (LINE SEPARATOR) at position 4");
	}

	static Stream<Arguments> pathsWithControlCharacters() {
		return Stream.of(arguments("/api/customers/{ref}", "ana\u2028", "U+2028 (LINE SEPARATOR)"),
				arguments("/api/customers/{ref}/timeline", "ana\u0085", "U+0085 (NEXT LINE (NEL))"),
				arguments("/api/customers/{ref}/usage", "ana\u202E", "U+202E (RIGHT-TO-LEFT OVERRIDE)"));
	}

	@ParameterizedTest
	@MethodSource("pathsWithControlCharacters")
	void refusesControlCharactersInTheCustomerRefOfAPath(String path, String ref, String character) {
		ResponseEntity<JsonNode> refused = api.get(users.integration(), path, ref);

		assertThat(errors(refused)).containsExactlyInAnyOrder(
				"externalRef: must not contain control characters; found " + character + " at position 4",
				"externalRef: must be 1 to 100 letters, digits or . _ : @ -");
	}

	@Test
	void aCancellationReasonKeepsItsLineBreaksButNoOtherControlCharacter() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);
		String cancellation = "/api/subscriptions/po-" + ref + "/cancellation";

		ResponseEntity<JsonNode> refused = api.post(users.integration(), cancellation, "{\"reason\":\"Too dear\\u2028\"}");
		ResponseEntity<JsonNode> cancelled = api.post(users.integration(), cancellation,
				"{\"reason\":\"Too dear.\\nMoving to another tool.\"}");

		assertThat(errors(refused))
			.containsExactly("reason: must not contain control characters; found U+2028 (LINE SEPARATOR) at position 9");
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cancelled.getBody().get("reason").asText()).isEqualTo("Too dear.\nMoving to another tool.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Zoë Ñúñez-Çelik", "王小明", "김민준", "محمد\u200Cعلی", "अ\u094D\u200Dक", "\u200Fשרה\u200F 2",
			"👩\u200D💻 Dev", "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F", "O'Brien & Söhne" })
	void keepsNamesInEveryScriptExactly(String name) {
		String ref = customers.create(name, "en", "Europe/London");

		assertThat(api.get(users.integration(), "/api/customers/" + ref).getBody().get("name").asText()).isEqualTo(name);
	}

}
