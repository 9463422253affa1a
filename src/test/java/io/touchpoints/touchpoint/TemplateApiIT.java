package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/** CX operations review mail templates through the API: what exists, and how one reads for a real customer. */
@IntegrationTest
class TemplateApiIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Test
	void listsEveryTemplateWithCategoryLanguagesAndVariables() {
		ResponseEntity<JsonNode> response = api.get(users.cxOps(), "/api/templates");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode welcome = template(response.getBody(), "welcome");
		assertThat(welcome.get("category").asText()).isEqualTo("onboarding");
		assertThat(welcome.get("languages")).extracting(JsonNode::asText).containsExactly("en", "es", "fr");
		assertThat(welcome.get("variables")).extracting(JsonNode::asText)
			.contains("customer.name", "subscription.plan", "links.preferences");
		assertThat(template(response.getBody(), "task-overdue").get("category").asText()).isEqualTo("internal");
	}

	@Test
	void previewsASpanishTemplateForARealCustomer() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		customers.purchase(ref, false);

		ResponseEntity<JsonNode> preview = api.get(users.cxOps(),
				"/api/templates/welcome/preview?locale=es&customer=" + ref);

		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(preview.getBody().get("language").asText()).isEqualTo("es");
		assertThat(preview.getBody().get("subject").asText()).isEqualTo("Te damos la bienvenida a Touchpoints, Ana García");
		assertThat(preview.getBody().get("html").asText()).contains("<p>Hola Ana García,</p>", "plan Pro",
				"23 de noviembre de 2026", "/email-preferences/");
		assertThat(preview.getBody().get("text").asText()).startsWith("Hola Ana García,");
	}

	@Test
	void previewFallsBackToEnglishAndShowsWhatOnlyAJourneyProvides() {
		String ref = customers.create("Hans Weber", "de", "Europe/Berlin");

		ResponseEntity<JsonNode> preview = api.get(users.cxOps(),
				"/api/templates/check-in-invitation/preview?customer=" + ref);

		assertThat(preview.getBody().get("language").asText()).isEqualTo("en");
		assertThat(preview.getBody().get("subject").asText()).contains("‹checkIn.topic›");
	}

	@Test
	void namesWhatIsMissing() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		ResponseEntity<JsonNode> unknownTemplate = api.get(users.cxOps(), "/api/templates/no-such/preview?customer=" + ref);
		ResponseEntity<JsonNode> unknownCustomer = api.get(users.cxOps(), "/api/templates/welcome/preview?customer=nobody");
		ResponseEntity<JsonNode> noCustomer = api.get(users.cxOps(), "/api/templates/welcome/preview");

		assertThat(unknownTemplate.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknownTemplate.getBody().get("errors").get(0).get("field").asText()).isEqualTo("id");
		assertThat(unknownCustomer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknownCustomer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("customer");
		assertThat(noCustomer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noCustomer.getBody().toString()).contains("customer");
	}

	@Test
	void onlyCxOperationsMayReadTemplates() {
		assertThat(api.get(users.integration(), "/api/templates").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get(users.csm(), "/api/templates").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get(null, "/api/templates").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static JsonNode template(JsonNode list, String id) {
		for (JsonNode template : list) {
			if (template.get("id").asText().equals(id)) {
				return template;
			}
		}
		throw new AssertionError("No template " + id + " in " + list);
	}

}
