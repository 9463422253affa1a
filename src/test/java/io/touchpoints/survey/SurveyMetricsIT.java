package io.touchpoints.survey;

import static io.touchpoints.survey.RecordedAnswers.record;
import static io.touchpoints.survey.RecordedAnswers.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/**
 * Issue 11: NPS per stage and overall as CX ops read it, against a hand count of answers recorded in months no
 * other test writes to (2025), and the interval against an independent computation.
 */
@IntegrationTest
class SurveyMetricsIT {

	private static final String PATH = "/api/metrics/nps?from=2025-03&to=2025-04&by=month";

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	CustomerRegistry registry;

	@Autowired
	Surveys surveys;

	private static boolean recorded;

	@BeforeEach
	void recordTheAnswersOnce() {
		if (recorded) {
			return;
		}
		long customer = registry.find(customers.create("Metrics Customer", "en", "Europe/London")).orElseThrow().getId();
		Instant march = Instant.parse("2025-03-10T10:00:00Z");
		Instant april = Instant.parse("2025-04-10T10:00:00Z");
		// engagement, March: 5 promoters, 3 passives, 2 detractors, and 2 invitations never answered.
		record(surveys, customer, SurveyKind.NPS, "engagement", march, 9, 10, 9, 10, 9, 7, 8, 8, 0, 6, null, null);
		// onboarding, April: 4 promoters, 6 passives, 30 detractors.
		record(surveys, customer, SurveyKind.NPS, "onboarding", april, repeat(4, 10, 6, 8, 30, 2));
		// adoption, April: 60 promoters, 30 passives, 10 detractors.
		record(surveys, customer, SurveyKind.RELATIONSHIP_NPS, "adoption", april, repeat(60, 9, 30, 7, 10, 5));
		// renewal, April: 200 promoters, 160 passives, 40 detractors.
		record(surveys, customer, SurveyKind.NPS, "renewal", april, repeat(200, 10, 160, 7, 40, 3));
		// advocacy, April: a single detractor.
		record(surveys, customer, SurveyKind.NPS, "advocacy", april, 0);
		// onboarding satisfaction (1 to 5): 5, 4, 4, 2 and one unanswered.
		record(surveys, customer, SurveyKind.ONBOARDING, "adoption", april, 5, 4, 4, 2, null);
		// May: one answer whose comment a spreadsheet would run as a formula.
		Instant may = Instant.parse("2025-05-10T10:00:00Z");
		String id = UUID.randomUUID().toString();
		SurveyInvitation invitation = new SurveyInvitation(id, customer, SurveyKind.NPS, "engagement", null, may,
				may.plusSeconds(86400), null);
		surveys.invite(invitation);
		surveys.answer(invitation, 4, may.plusSeconds(60));
		surveys.comment(id, "=HYPERLINK(\"http://evil.example\",\"Click\")");
		recorded = true;
	}

	@Test
	void theAnswersAreListedAsJsonAPageAtATime() {
		JsonNode page = api.get(users.integration(), "/api/surveys/responses?from=2025-03&to=2025-03&size=4&page=1").getBody();

		assertThat(page.get("total").asLong()).isEqualTo(10);
		assertThat(page.get("responses")).hasSize(4);
		JsonNode first = page.get("responses").get(0);
		assertThat(first.get("customerName").asText()).isEqualTo("Metrics Customer");
		assertThat(first.get("survey").asText()).isEqualTo("nps");
		assertThat(first.get("stage").asText()).isEqualTo("engagement");
		assertThat(first.get("answeredAt").asText()).isEqualTo("2025-03-10T11:00:00Z");

		ResponseEntity<JsonNode> tooBig = api.get(users.integration(), "/api/surveys/responses?size=5000");
		assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
		assertThat(tooBig.getBody().toString()).contains("size", "between 1 and 1000");
	}

	@Test
	void theAnswersComeAsCsvForASpreadsheetWithFormulasDisarmed() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
		headers.setBasicAuth(users.cxOps(), TestUsers.PASSWORD);
		ResponseEntity<String> csv = api.template().exchange("/api/surveys/responses?from=2025-03&to=2025-05",
				HttpMethod.GET, new HttpEntity<>(headers), String.class);

		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		String[] lines = csv.getBody().split("\r\n");
		assertThat(lines[0]).isEqualTo("\"customerRef\",\"customerName\",\"survey\",\"stage\",\"invitedAt\",\"answeredAt\","
				+ "\"updatedAt\",\"score\",\"comment\"");
		assertThat(lines).hasSize(1 + 10 + 545 + 1);
		assertThat(lines[lines.length - 1]).endsWith(",\"4\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");

		headers.setBasicAuth(users.cxOps(), TestUsers.PASSWORD);
		ResponseEntity<String> bad = api.template().exchange("/api/surveys/responses?from=2025-99", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody()).contains("from");
	}

	@Test
	void npsPerStageAndOverallAsAHandCountGivesThem() {
		JsonNode report = api.get(users.cxOps(), PATH).getBody();

		JsonNode overall = report.get("overall");
		assertThat(overall.get("invitations").asInt()).isEqualTo(553);
		assertThat(overall.get("responses").asInt()).isEqualTo(551);
		assertThat(overall.get("promoters").asInt()).isEqualTo(269);
		assertThat(overall.get("passives").asInt()).isEqualTo(199);
		assertThat(overall.get("detractors").asInt()).isEqualTo(83);
		assertThat(overall.get("nps").asDouble()).as("186 of 551").isEqualTo(33.8);

		JsonNode advocacy = stage(report, "advocacy");
		assertThat(advocacy.get("figures").get("nps").asDouble()).isEqualTo(-100.0);
		assertThat(advocacy.get("status").asText()).as("one answer says nothing, however far below 50")
			.isEqualTo("not_enough_responses");
		assertThat(advocacy.get("moreResponsesNeeded").asInt()).isEqualTo(29);

		JsonNode engagement = stage(report, "engagement");
		assertThat(engagement.get("figures").get("invitations").asInt()).isEqualTo(12);
		assertThat(engagement.get("figures").get("responseRate").asDouble()).isEqualTo(0.8333);
		assertThat(engagement.get("figures").get("nps").asDouble()).isEqualTo(30.0);
		assertThat(engagement.get("band").asInt()).isEqualTo(30);
		assertThat(engagement.get("status").asText()).isEqualTo("not_enough_responses");
		assertThat(engagement.get("moreResponsesNeeded").asInt()).as("235 in all at these shares").isEqualTo(225);

		JsonNode onboarding = stage(report, "onboarding");
		assertThat(onboarding.get("figures").get("nps").asDouble()).isEqualTo(-65.0);
		assertThat(onboarding.get("status").asText()).as("the whole interval lies below 30").isEqualTo("below_band");

		JsonNode adoption = stage(report, "adoption");
		assertThat(adoption.get("figures").get("nps").asDouble()).isEqualTo(50.0);
		assertThat(adoption.get("status").asText()).as("±13 points: not yet").isEqualTo("not_enough_responses");
		assertThat(adoption.get("moreResponsesNeeded").asInt()).isEqualTo(73);

		JsonNode renewal = stage(report, "renewal");
		assertThat(renewal.get("figures").get("nps").asDouble()).isEqualTo(40.0);
		assertThat(renewal.get("status").asText()).isEqualTo("in_band");
		assertThat(renewal.has("moreResponsesNeeded")).isFalse();

		assertThat(report.get("periods")).extracting(period -> period.get("period").asText()).containsExactly("2025-03", "2025-04");
		assertThat(report.get("periods").get(0).get("overall").get("responses").asInt()).isEqualTo(10);
		assertThat(report.get("periods").get(1).get("stages").get("renewal").get("responses").asInt()).isEqualTo(400);
		assertThat(report.get("method").asText()).contains("1.96", "normal approximation");
	}

	@Test
	void theIntervalMatchesAnIndependentComputation() {
		JsonNode report = api.get(users.integration(), PATH).getBody();

		for (String stage : List.of("engagement", "onboarding", "adoption", "renewal")) {
			JsonNode figures = stage(report, stage).get("figures");
			// Each answer as +1 (promoter), 0 or -1 (detractor): NPS is 100 times their mean, its standard error
			// 100 times their standard deviation over the square root of n.
			List<Integer> values = new ArrayList<>();
			values.addAll(Collections.nCopies(figures.get("promoters").asInt(), 1));
			values.addAll(Collections.nCopies(figures.get("passives").asInt(), 0));
			values.addAll(Collections.nCopies(figures.get("detractors").asInt(), -1));
			double mean = values.stream().mapToInt(Integer::intValue).average().orElseThrow();
			double variance = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum() / values.size();
			double halfWidth = 1.959964 * 100 * Math.sqrt(variance / values.size());
			assertThat(figures.get("interval").get("low").asDouble()).as(stage)
				.isCloseTo(Math.max(-100, 100 * mean - halfWidth), within(0.051));
			assertThat(figures.get("interval").get("high").asDouble()).as(stage)
				.isCloseTo(Math.min(100, 100 * mean + halfWidth), within(0.051));
		}
		assertThat(stage(report, "engagement").get("figures").get("interval").get("low").asDouble()).isEqualTo(-18.4);
		assertThat(stage(report, "engagement").get("figures").get("interval").get("high").asDouble()).isEqualTo(78.4);
	}

	@Test
	void theSatisfactionSurveysShowTheirMeanAndShareOfFourAndFive() {
		JsonNode report = api.get(users.cxOps(), PATH).getBody();

		JsonNode onboarding = report.get("satisfaction").get(0);
		assertThat(onboarding.get("survey").asText()).isEqualTo("onboarding");
		assertThat(onboarding.get("invitations").asInt()).isEqualTo(5);
		assertThat(onboarding.get("responses").asInt()).isEqualTo(4);
		assertThat(onboarding.get("mean").asDouble()).isEqualTo(3.75);
		assertThat(onboarding.get("satisfied").asInt()).isEqualTo(3);
		assertThat(onboarding.get("satisfiedShare").asDouble()).isEqualTo(0.75);
		JsonNode csat = report.get("satisfaction").get(1);
		assertThat(csat.get("responses").asInt()).isZero();
		assertThat(csat.has("mean")).isFalse();
	}

	@Test
	void badParametersAreRefusedNamingThem() {
		ResponseEntity<JsonNode> badMonth = api.get(users.cxOps(), "/api/metrics/nps?from=2025-13");
		assertThat(badMonth.getStatusCode().value()).isEqualTo(400);
		assertThat(badMonth.getBody().toString()).contains("from");
		ResponseEntity<JsonNode> badBy = api.get(users.cxOps(), "/api/metrics/nps?by=week");
		assertThat(badBy.getStatusCode().value()).isEqualTo(400);
		assertThat(badBy.getBody().toString()).contains("by", "must be month");
	}

	private static JsonNode stage(JsonNode report, String stage) {
		for (JsonNode figures : report.get("stages")) {
			if (figures.get("stage").asText().equals(stage)) {
				return figures;
			}
		}
		throw new AssertionError("no stage " + stage + " in " + report);
	}

}
