package io.touchpoints.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
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
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/** The customer timeline through the API: newest first, a page at a time, countable per period. */
@IntegrationTest
class TimelineApiIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	CustomerRegistry registry;

	@Autowired
	Timeline timeline;

	@Autowired
	Jobs jobs;

	@Test
	void showsTheJourneySoFarNewestFirst() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		jobs.executeAll(customers.purchase(ref, false));

		List<String> kinds = kinds(api.get(users.csm(), "/api/customers/" + ref + "/timeline").getBody());

		assertThat(kinds).containsExactly(TimelineKind.EMAIL_SENT, TimelineKind.TASK_CREATED,
				TimelineKind.STAGE_CHANGED, TimelineKind.PURCHASE_RECORDED);
	}

	@Test
	void pagesAndCountsInteractionsPerPeriod() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		long customerId = registry.find(ref).orElseThrow().getId();
		for (int day = 0; day < 5; day++) {
			timeline.record(Timeline.Entry.of(customerId, TimelineKind.SIGNAL_RECEIVED, "Signal " + day));
			EngineTime.advance(Duration.ofDays(1));
		}
		String path = "/api/customers/" + ref + "/timeline";

		JsonNode first = api.get(users.integration(), path + "?size=2").getBody();
		JsonNode third = api.get(users.integration(), path + "?size=2&page=2").getBody();
		JsonNode period = api.get(users.cxOps(), path + "?from=2026-11-24&to=2026-11-26").getBody();

		assertThat(first.get("total").asLong()).isEqualTo(5);
		assertThat(summaries(first)).containsExactly("Signal 4", "Signal 3");
		assertThat(summaries(third)).containsExactly("Signal 0");
		assertThat(period.get("total").asLong()).isEqualTo(2);
		assertThat(summaries(period)).containsExactly("Signal 2", "Signal 1");
	}

	@Test
	void namesEveryBadParameter() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");

		ResponseEntity<JsonNode> response = api.get(users.csm(),
				"/api/customers/" + ref + "/timeline?page=-1&size=1000&from=yesterday&to=2026-13-01");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors")).extracting(error -> error.get("field").asText())
			.containsExactlyInAnyOrder("page", "size", "from", "to");
		assertThat(api.get(users.csm(), "/api/customers/nobody/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.get(null, "/api/customers/" + ref + "/timeline").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static List<String> kinds(JsonNode page) {
		return entries(page).stream().map(entry -> entry.get("kind").asText()).toList();
	}

	private static List<String> summaries(JsonNode page) {
		return entries(page).stream().map(entry -> entry.get("summary").asText()).toList();
	}

	private static List<JsonNode> entries(JsonNode page) {
		return StreamSupport.stream(page.get("entries").spliterator(), false).toList();
	}

}
