package io.touchpoints.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/** Seats in use, reported as usage events: a reading per event, kept per UTC day as its peak and its last reading. */
@IntegrationTest
class SeatsInUseIT {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	UsageCompaction compaction;

	String ref;

	@BeforeEach
	void knownCustomer() {
		ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
	}

	@Test
	void aDayKeepsItsPeakAndItsLastReadingInTimeWhateverOrderTheyArriveIn() {
		ResponseEntity<JsonNode> accepted = post(seats("2026-11-22T09:00:00Z", 10), seats("2026-11-22T15:00:00Z", 12),
				seats("2026-11-22T12:00:00Z", 14), seats("2026-11-23T08:00:00Z", 9));

		assertThat(accepted.getBody().get("accepted").asInt()).isEqualTo(4);
		List<String> beforeCompaction = seatsPerDay();
		assertThat(beforeCompaction).containsExactly("2026-11-22 peak 14 last 12", "2026-11-23 peak 9 last 9");
		assertThat(countsPerDay()).as("readings are no counts").isEmpty();

		compaction.compact();
		assertThat(seatsPerDay()).isEqualTo(beforeCompaction);

		post(seats("2026-11-22T16:00:00Z", 11), seats("2026-11-22T08:00:00Z", 20));
		assertThat(seatsPerDay()).as("late readings before the fold").containsExactly("2026-11-22 peak 20 last 11",
				"2026-11-23 peak 9 last 9");
		compaction.compact();
		assertThat(seatsPerDay()).as("and after it").containsExactly("2026-11-22 peak 20 last 11",
				"2026-11-23 peak 9 last 9");
	}

	@Test
	void aReadingSentAgainIsADuplicateAndCountsOnce() {
		String reading = seats("2026-11-23T08:00:00Z", 30);
		post(reading);

		JsonNode again = post(reading).getBody();

		assertThat(again.get("duplicates").asInt()).isOne();
		compaction.compact();
		assertThat(seatsPerDay()).containsExactly("2026-11-23 peak 30 last 30");
	}

	@Test
	void aSeatsEventSaysHowManyAsAWholeNumberInRangeAndHasNoName() {
		Instant at = Instant.parse("2026-11-23T08:00:00Z");
		ResponseEntity<JsonNode> response = post(UsageEvents.event(ref, "seats", "null", at, "{}"),
				UsageEvents.event(ref, "seats", "\"admins\"", at, "{\"inUse\":3}"),
				UsageEvents.event(ref, "seats", "null", at, "{\"inUse\":-1}"),
				UsageEvents.event(ref, "seats", "null", at, "{\"inUse\":\"5\"}"),
				UsageEvents.event(ref, "seats", "null", at, "{\"inUse\":2.5}"),
				UsageEvents.event(ref, "seats", "null", at, "{\"inUse\":1000001}"),
				UsageEvents.event(ref, "seats", "null", at, "{\"inUse\":0}"));

		assertThat(response.getBody().get("accepted").asInt()).as("none in use is a reading too").isOne();
		List<String> problems = new ArrayList<>();
		response.getBody().get("rejected").forEach(rejection -> problems.add(rejection.get("index").asInt() + ": "
				+ String.join("; ", StreamSupport.stream(rejection.get("problems").spliterator(), false)
					.map(JsonNode::asText)
					.toList())));
		String inUse = "properties.inUse must be a whole number from 0 to 1000000 for seats events: how many seats are in use";
		assertThat(problems).containsExactly("0: " + inUse, "1: name must be null for seats events", "2: " + inUse,
				"3: " + inUse, "4: " + inUse, "5: " + inUse);
		assertThat(seatsPerDay()).containsExactly("2026-11-23 peak 0 last 0");
	}

	private String seats(String at, int inUse) {
		return UsageEvents.event(ref, "seats", "null", Instant.parse(at), "{\"inUse\":" + inUse + "}");
	}

	private ResponseEntity<JsonNode> post(String... events) {
		ResponseEntity<JsonNode> response = api.post(users.integration(), "/api/usage-events", UsageEvents.batch(events));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return response;
	}

	private List<String> seatsPerDay() {
		JsonNode seats = usage().get("seats");
		return StreamSupport.stream(seats.spliterator(), false)
			.map(day -> day.get("day").asText() + " peak " + day.get("peak").asInt() + " last " + day.get("last").asInt())
			.toList();
	}

	private List<String> countsPerDay() {
		return StreamSupport.stream(usage().get("days").spliterator(), false).map(JsonNode::toString).toList();
	}

	private JsonNode usage() {
		return api.get(users.csm(), "/api/customers/" + ref + "/usage?from=2026-11-01").getBody();
	}

}
