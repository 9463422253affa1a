package io.touchpoints.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.touchpoints.process.ModelNames;
import io.touchpoints.support.Api;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/** The customer and purchase API as the CRM and billing call it, good input and bad. */
@IntegrationTest
class CustomerApiIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Subscriptions subscriptions;

	String integration;

	String ref;

	@BeforeEach
	void newCustomerRef() {
		integration = users.integration();
		ref = "crm-" + UUID.randomUUID();
	}

	@Test
	void putCreatesThenUpdatesTheSameCustomer() {
		ResponseEntity<JsonNode> created = api.put(integration, "/api/customers/" + ref,
				Api.customerJson("Ana García", "ana@example.com", "es"));
		ResponseEntity<JsonNode> updated = api.put(integration, "/api/customers/" + ref,
				Api.customerJson("Ana García López", "ana.lopez@example.com", "es"));

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getHeaders().getLocation()).hasPath("/api/customers/" + ref);
		assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode stored = api.get(integration, "/api/customers/" + ref).getBody();
		assertThat(stored.get("name").asText()).isEqualTo("Ana García López");
		assertThat(stored.get("email").asText()).isEqualTo("ana.lopez@example.com");
		assertThat(stored.get("timeZone").asText()).isEqualTo("Europe/Madrid");
		assertThat(stored.get("tier").asText()).isEqualTo("premium");
		assertThat(stored.get("annualValue").decimalValue()).isEqualByComparingTo("12000");
		assertThat(stored.get("stage").asText()).isEqualTo("conversion");
		assertThat(stored.get("createdAt").asText()).isEqualTo(created.getBody().get("createdAt").asText());
	}

	@Test
	void unsupportedLanguageIsKeptAndWellFormedLocalesAreNormalized() {
		api.put(integration, "/api/customers/" + ref, Api.customerJson("Hans Weber", "hans@example.com", "de_AT"));

		assertThat(api.get(integration, "/api/customers/" + ref).getBody().get("locale").asText()).isEqualTo("de-AT");
	}

	@Test
	void namesEveryInvalidCustomerField() {
		ResponseEntity<JsonNode> response = api.put(integration, "/api/customers/" + ref, """
				{"name":"","email":"ana@example","locale":"not a locale!","timeZone":"Mars/Olympus_Mons",
				 "tier":"Premium Plus","annualValue":-5}""");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Api.problemFields(response)).containsExactlyInAnyOrder("name", "email", "locale", "timeZone", "tier",
				"annualValue");
		assertThat(api.get(integration, "/api/customers/" + ref).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void namesMissingRequiredCustomerFields() {
		ResponseEntity<JsonNode> response = api.put(integration, "/api/customers/" + ref, "{\"name\":\"Ana\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(response)).containsExactlyInAnyOrder("email", "locale", "timeZone");
	}

	@Test
	void refusesRawOffsetsAsTimeZones() {
		ResponseEntity<JsonNode> response = api.put(integration, "/api/customers/" + ref,
				Api.customerJson("Ana", "ana@example.com", "es").replace("Europe/Madrid", "+01:00"));

		assertThat(Api.problemFields(response)).containsExactly("timeZone");
	}

	@Test
	void refusesLineBreaksInNames() {
		ResponseEntity<JsonNode> response = api.put(integration, "/api/customers/" + ref,
				Api.customerJson("Ana\\r\\nBcc: victim@example.com", "ana@example.com", "es"));

		assertThat(Api.problemFields(response)).containsExactly("name");
	}

	@Test
	void refusesMalformedExternalRef() {
		ResponseEntity<JsonNode> response = api.put(integration, "/api/customers/has space",
				Api.customerJson("Ana", "ana@example.com", "es"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(response)).containsExactly("externalRef");
	}

	@Test
	void refusesMalformedJsonWithItsPosition() {
		ResponseEntity<JsonNode> response = api.put(integration, "/api/customers/" + ref, "{\"name\": \"Ana\",");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("detail").asText()).startsWith("Malformed JSON at line 1");
	}

	@Test
	void refusesOversizedBody() {
		String huge = Api.customerJson("x".repeat(2 * 1024 * 1024), "ana@example.com", "es");

		ResponseEntity<JsonNode> response = api.put(integration, "/api/customers/" + ref, huge);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void purchaseForUnknownCustomerIsNotFound() {
		ResponseEntity<JsonNode> response = api.post(integration, "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, false));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(Api.problemFields(response)).containsExactly("externalRef");
		assertThat(subscriptions.findByPurchaseId("po-" + ref)).isEmpty();
	}

	@Test
	void namesEveryInvalidPurchaseField() {
		createCustomer();

		ResponseEntity<JsonNode> response = api.post(integration, "/api/customers/" + ref + "/purchases",
				"{\"purchaseId\":\"\",\"plan\":\"\",\"startDate\":null}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(response)).containsExactlyInAnyOrder("purchaseId", "plan", "startDate", "renewalDate");
	}

	@Test
	void refusesRenewalBeforeStartAndWritesNothing() {
		createCustomer();

		ResponseEntity<JsonNode> response = api.post(integration, "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, false).replace("2027-11-23", "2026-11-01"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(response)).containsExactly("renewalDate");
		assertNothingWritten();
	}

	@Test
	void refusesImpossibleDates() {
		createCustomer();

		ResponseEntity<JsonNode> response = api.post(integration, "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, false).replace("2026-11-23", "2026-02-30"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Api.problemFields(response)).containsExactly("startDate");
		assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("2026-02-30");
		assertNothingWritten();
	}

	@Test
	void reusedPurchaseIdWithOtherDetailsIsAConflict() {
		createCustomer();
		api.post(integration, "/api/customers/" + ref + "/purchases", Api.purchaseJson("po-" + ref, false));

		ResponseEntity<JsonNode> response = api.post(integration, "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, true));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Api.problemFields(response)).containsExactly("migrating");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
			.processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING).count()).isEqualTo(1);
	}

	@Test
	void purchaseIdOfAnotherCustomerIsAConflict() {
		createCustomer();
		api.post(integration, "/api/customers/" + ref + "/purchases", Api.purchaseJson("po-" + ref, false));
		String other = ref + "-other";
		api.put(integration, "/api/customers/" + other, Api.customerJson("Other", "other@example.com", "en"));

		ResponseEntity<JsonNode> response = api.post(integration, "/api/customers/" + other + "/purchases",
				Api.purchaseJson("po-" + ref, false));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Api.problemFields(response)).containsExactly("purchaseId");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(other).count()).isZero();
	}

	private void createCustomer() {
		assertThat(api.put(integration, "/api/customers/" + ref, Api.customerJson("Ana", "ana@example.com", "es"))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private void assertNothingWritten() {
		assertThat(subscriptions.findByPurchaseId("po-" + ref)).isEmpty();
		assertThat(api.get(integration, "/api/customers/" + ref).getBody().get("stage").asText()).isEqualTo("conversion");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isZero();
	}

}
