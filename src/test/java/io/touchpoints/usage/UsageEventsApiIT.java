package io.touchpoints.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/** Usage events pushed by the product: stored once, counted per day, every bad one named with its reasons. */
@IntegrationTest
class UsageEventsApiIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	Jobs jobs;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	UsageCompaction compaction;

	@Autowired
	WeeklyActivities activities;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	String ref;

	@BeforeEach
	void knownCustomer() {
		ref = customers.create("Ana García", "es", "Europe/Madrid");
	}

	@Test
	void storesEventsOnceAndCountsThemPerDay() {
		Instant monday = EngineTime.now().minus(Duration.ofHours(1));
		String login = UsageEvents.login(ref, monday);
		String batch = UsageEvents.batch(login, UsageEvents.login(ref, monday.minus(Duration.ofDays(1))),
				UsageEvents.featureUsed(ref, "reports", monday), UsageEvents.featureUsed(ref, "reports", monday), login);

		JsonNode first = post(batch).getBody();
		JsonNode again = post(batch).getBody();

		assertThat(first.get("accepted").asInt()).isEqualTo(4);
		assertThat(first.get("duplicates").asInt()).as("the same event twice in one batch").isEqualTo(1);
		assertThat(first.get("rejected")).isEmpty();
		assertThat(again.get("accepted").asInt()).isZero();
		assertThat(again.get("duplicates").asInt()).isEqualTo(5);
		assertThat(usage()).containsExactly("2026-11-22 login - 1", "2026-11-23 feature_used reports 2",
				"2026-11-23 login - 1");
	}

	@Test
	void dailyCountsReadTheSameBeforeAndAfterCompaction() throws Exception {
		Instant now = EngineTime.now().minus(Duration.ofHours(1));
		post(UsageEvents.batch(UsageEvents.login(ref, now), UsageEvents.featureUsed(ref, "reports", now)));
		List<String> beforeCompaction = usage();

		compaction.compact();

		assertThat(usage()).isEqualTo(beforeCompaction)
			.containsExactly("2026-11-23 feature_used reports 1", "2026-11-23 login - 1");
		assertThat(deltasOfCustomer()).isZero();

		post(UsageEvents.batch(UsageEvents.featureUsed(ref, "reports", now)));
		assertThat(usage()).as("a delta adds to a compacted row when read")
			.containsExactly("2026-11-23 feature_used reports 2", "2026-11-23 login - 1");
		for (int batch = 0; batch < 20; batch++) {
			post(UsageEvents.batch(UsageEvents.featureUsed(ref, "exports", now)));
		}
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> compactions = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				compactions.add(nodes.submit(() -> {
					start.await();
					return compaction.compact();
				}));
			}
			start.countDown();
			for (Future<Integer> folded : compactions) {
				folded.get();
			}
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(usage()).as("two compactions at once count every delta once").containsExactly(
				"2026-11-23 feature_used exports 20", "2026-11-23 feature_used reports 2", "2026-11-23 login - 1");
		assertThat(deltasOfCustomer()).isZero();
	}

	@Test
	void theRollupsTheDailyEvaluationReadsAgreeWithTheDailyCounts() throws IOException {
		Instant now = EngineTime.now().minus(Duration.ofHours(1));
		Duration day = Duration.ofDays(1);
		post(UsageEvents.batch(UsageEvents.login(ref, now), UsageEvents.featureUsed(ref, "reports", now),
				UsageEvents.login(ref, now.minus(day.multipliedBy(9)))));
		compaction.compact();
		post(UsageEvents.batch(UsageEvents.login(ref, now), UsageEvents.featureUsed(ref, "reports", now.minus(day.multipliedBy(20))),
				UsageEvents.featureUsed(ref, "dashboards", now.minus(day.multipliedBy(3))),
				UsageEvents.event(ref, "ticket", "\"opened\"", now.minus(day.multipliedBy(2)),
						"{\"channel\":\"email\",\"ticketId\":\"R-1\"}")));
		long id = jdbc.queryForObject("select id from customer where external_ref = ?", Long.class, ref);
		LocalDate today = EngineTime.now().atZone(ZoneOffset.UTC).toLocalDate();

		WeeklyActivity exact = activities.of(List.of(id), today, 5).get(id);
		WeeklyActivity rolledUp = activities.all(today, 5).get(id);

		assertThat(deltasOfCustomer()).as("the bulk read folds what is pending first").isZero();
		assertThat(exact.activeDays()).containsExactly(2, 1, 1, 0, 0);
		assertThat(exact.events()).as("a ticket is not use of the product").containsExactly(4, 1, 1, 0, 0);
		assertThat(rolledUp.activeDays()).isEqualTo(exact.activeDays());
		assertThat(rolledUp.logins()).isEqualTo(exact.logins()).containsExactly(2, 1, 0, 0, 0);
		assertThat(rolledUp.events()).isEqualTo(exact.events());
		assertThat(rolledUp.lastLogin()).isEqualTo(exact.lastLogin()).isEqualTo(today);
		assertThat(rolledUp.featuresEverUsed()).isEqualTo(exact.featuresEverUsed()).containsExactlyInAnyOrder("reports",
				"dashboards");
		assertThat(jdbc.queryForObject("select first_day from usage_feature where customer_id = ? and feature = 'reports'",
				LocalDate.class, id)).as("a feature's first use moves back when an older event arrives")
			.isEqualTo(today.minusDays(20));
		assertThat(rollupsAsMigrationV8BuildsThem()).as("V8 builds, from the daily rows, what the bulk read brought up to date")
			.isEqualTo(rollups());

		post(UsageEvents.batch(UsageEvents.login(ref, now.minus(day.multipliedBy(15))),
				UsageEvents.featureUsed(ref, "exports", now.minus(day.multipliedBy(12))),
				UsageEvents.featureUsed(ref, "dashboards", now.minus(day.multipliedBy(25))),
				UsageEvents.login(ref, now)));
		compaction.compact();
		WeeklyActivity afterLateEvents = activities.all(today, 5).get(id);

		assertThat(afterLateEvents.activeDays()).as("late events for days read before count at the next bulk read")
			.isEqualTo(activities.of(List.of(id), today, 5).get(id).activeDays())
			.containsExactly(2, 2, 2, 1, 0);
		assertThat(afterLateEvents.logins()).containsExactly(3, 1, 1, 0, 0);
		assertThat(afterLateEvents.featuresEverUsed()).containsExactlyInAnyOrder("reports", "dashboards", "exports");
		assertThat(jdbc.queryForObject("select first_day from usage_feature where customer_id = ? and feature = 'dashboards'",
				LocalDate.class, id)).isEqualTo(today.minusDays(25));
		assertThat(rollupsAsMigrationV8BuildsThem()).as("the days the scheduled compaction folded are recomputed")
			.isEqualTo(rollups());
		assertThat(jdbc.queryForObject("select count(*) from usage_rollup_stale_day", Integer.class))
			.as("no day is left to recompute").isZero();
	}

	/** Every rollup row, as text. */
	private List<String> rollups() {
		List<String> rows = new ArrayList<>(jdbc.queryForList(
				"select customer_id || '|' || usage_day || '|' || logins || '|' || events from usage_active_day", String.class));
		rows.addAll(jdbc.queryForList("select customer_id || '|' || feature || '|' || first_day from usage_feature",
				String.class));
		Collections.sort(rows);
		return rows;
	}

	/** The rollups V8's statements build from every customer's daily rows, in a transaction rolled back afterwards. */
	private List<String> rollupsAsMigrationV8BuildsThem() throws IOException {
		String migration = new String(getClass().getResourceAsStream("/db/migration/V8__usage_rollups.sql").readAllBytes(),
				StandardCharsets.UTF_8);
		return new TransactionTemplate(transactions).execute(status -> {
			jdbc.update("delete from usage_active_day");
			jdbc.update("delete from usage_feature");
			for (String statement : migration.split(";")) {
				String sql = statement.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).strip();
				if (sql.startsWith("insert")) {
					jdbc.update(sql);
				}
			}
			List<String> built = rollups();
			status.setRollbackOnly();
			return built;
		});
	}

	@Test
	void namesEveryProblemOfEveryRefusedEventAndKeepsTheRest() {
		Instant now = EngineTime.now();
		List<String> events = List.of(
				UsageEvents.login(ref, now),
				"{\"customerRef\":\"%s\",\"type\":\"login\",\"occurredAt\":\"%s\"}".formatted(ref, now),
				UsageEvents.event(ref, "logout", "null", now, "{}"),
				UsageEvents.event(ref, "login", "\"web\"", now, "{}"),
				UsageEvents.event(ref, "feature_used", "null", now, "{}"),
				UsageEvents.event(ref, "milestone", "\"first-coffee\"", now, "{}"),
				UsageEvents.event(ref, "ticket", "\"opened\"", now, "{}"),
				UsageEvents.login(ref, now.plus(Duration.ofMinutes(10))),
				UsageEvents.event(ref, "login", "null", now, "{}").replace(now.toString(), "yesterday"),
				UsageEvents.login("nobody-" + ref, now),
				UsageEvents.event(ref, "feature_used", "\"reports\"", now, "[1,2]"),
				UsageEvents.event(ref, "feature_used", "\"reports\"", now, "{\"nested\":{\"a\":1}}"),
				"\"not an object\"",
				UsageEvents.event(ref, "ticket", "\"opened\"", now, "{\"channel\":\"email\",\"ticketId\":\"T-1\"}"));

		ResponseEntity<JsonNode> response = post(UsageEvents.batch(events.toArray(String[]::new)));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(response.getBody().get("accepted").asInt()).isEqualTo(2);
		Map<Integer, String> problems = new TreeMap<>();
		response.getBody().get("rejected").forEach(rejection -> problems.put(rejection.get("index").asInt(),
				String.join("; ", StreamSupport.stream(rejection.get("problems").spliterator(), false)
					.map(JsonNode::asText)
					.toList())));
		assertThat(problems).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		assertThat(problems.get(1)).isEqualTo("eventId is required");
		assertThat(problems.get(2)).startsWith("type must be one of [login, feature_used, milestone, ticket, live_contact, seats]");
		assertThat(problems.get(3)).isEqualTo("name must be null for login events");
		assertThat(problems.get(4)).isEqualTo("name must name the feature (1 to 100 characters)");
		assertThat(problems.get(5)).isEqualTo(
				"name must be one of the milestones [data-migrated, technical-setup-verified, training-completed]");
		assertThat(problems.get(6)).isEqualTo("properties must carry channel and ticketId for ticket events");
		assertThat(problems.get(7)).contains("is in the future");
		assertThat(problems.get(8)).startsWith("occurredAt must be an ISO-8601 instant");
		assertThat(problems.get(9)).isEqualTo("customerRef 'nobody-" + ref + "' is not a known customer; create it with PUT /api/customers/nobody-" + ref + " first");
		assertThat(problems.get(10)).isEqualTo("properties must be a JSON object");
		assertThat(problems.get(11)).isEqualTo("properties.nested must be a string, number, boolean or null");
		assertThat(problems.get(12)).isEqualTo("must be a JSON object");
	}

	@Test
	void refusesBodiesThatAreNotABatch() {
		String event = UsageEvents.login(ref, EngineTime.now());

		assertBadBody(api.post(users.integration(), "/api/usage-events", event));
		assertBadBody(api.post(users.integration(), "/api/usage-events", "[]"));
		assertBadBody(api.post(users.integration(), "/api/usage-events",
				UsageEvents.batch(Collections.nCopies(1001, event).toArray(String[]::new))));
		assertThat(api.post(users.integration(), "/api/usage-events", "[{\"eventId\":").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(api.post(null, "/api/usage-events", "[" + event + "]").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(api.post(users.csm(), "/api/usage-events", "[" + event + "]").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aResentEventIsADuplicateWhateverTheOrderOfItsPropertiesAndTheOffsetOfItsMoment() {
		String id = "e-" + UUID.randomUUID();
		post(UsageEvents.batch(event(id, ref, "feature_used", "\"reports\"", "2026-11-23T09:00:00Z",
				"{\"plan\":\"pro\",\"seats\":3}")));

		JsonNode resent = post(UsageEvents.batch(event(id, ref, "feature_used", "\"reports\"", "2026-11-23T10:00:00+01:00",
				"{\"seats\":3,\"plan\":\"pro\"}"))).getBody();

		assertThat(resent.get("accepted").asInt()).isZero();
		assertThat(resent.get("duplicates").asInt()).isOne();
		assertThat(resent.get("conflicts")).isEmpty();
		assertThat(usage()).containsExactly("2026-11-23 feature_used reports 1");
	}

	@Test
	void anEventIdReusedForADifferentEventIsAConflictAndCountsNothing() {
		String id = "e-" + UUID.randomUUID();
		post(UsageEvents.batch(event(id, ref, "feature_used", "\"reports\"", "2026-11-23T09:00:00Z", "{}")));

		String other = event(id, ref, "feature_used", "\"exports\"", "2026-11-23T09:30:00Z", "{\"plan\":\"pro\"}");

		JsonNode reused = post(UsageEvents.batch(other, other)).getBody();

		assertThat(reused.get("accepted").asInt()).isZero();
		assertThat(reused.get("duplicates").asInt()).as("the second is no duplicate of what the id stands for").isZero();
		assertThat(reused.get("rejected")).isEmpty();
		assertThat(reused.get("conflicts")).extracting(conflict -> conflict.get("index").asInt()).containsExactly(0, 1);
		JsonNode conflict = reused.get("conflicts").get(0);
		assertThat(conflict.get("index").asInt()).isZero();
		assertThat(conflict.get("eventId").asText()).isEqualTo(id);
		assertThat(conflict.get("fields")).extracting(JsonNode::asText).containsExactly("name", "occurredAt", "properties");
		assertThat(conflict.get("problem").asText()).isEqualTo("eventId '" + id
				+ "' was already used for a different event (name, occurredAt, properties differ); an eventId identifies one event");
		assertThat(usage()).containsExactly("2026-11-23 feature_used reports 1");
	}

	@Test
	void anEventIdOfAnotherCustomersEventIsAConflict() {
		String other = customers.create("Jean Dupont", "fr", "Europe/Paris");
		String id = "e-" + UUID.randomUUID();
		post(UsageEvents.batch(event(id, other, "login", "null", "2026-11-23T09:00:00Z", "{}")));

		JsonNode reused = post(UsageEvents.batch(event(id, ref, "login", "null", "2026-11-23T09:00:00Z", "{}"))).getBody();

		assertThat(reused.get("accepted").asInt()).isZero();
		assertThat(reused.get("conflicts").get(0).get("fields")).extracting(JsonNode::asText).containsExactly("customerRef");
		assertThat(reused.get("conflicts").get(0).get("problem").asText())
			.isEqualTo("eventId '" + id + "' was already used for an event of another customer; an eventId identifies one event");
		assertThat(usage()).isEmpty();
	}

	@Test
	void withinOneBatchTheFirstUseOfAnEventIdCountsAndADifferentSecondIsAConflict() {
		String id = "e-" + UUID.randomUUID();
		String first = event(id, ref, "login", "null", "2026-11-23T09:00:00Z", "{}");

		JsonNode answer = post(UsageEvents.batch(first, first,
				event(id, ref, "login", "null", "2026-11-23T09:05:00Z", "{}"))).getBody();

		assertThat(answer.get("accepted").asInt()).isOne();
		assertThat(answer.get("duplicates").asInt()).isOne();
		assertThat(answer.get("conflicts")).extracting(conflict -> conflict.get("index").asInt()).containsExactly(2);
		assertThat(usage()).containsExactly("2026-11-23 login - 1");
	}

	@Test
	void namesEveryValueOfTheWrongTypeInAnEvent() {
		ResponseEntity<JsonNode> response = post("""
				[{"eventId":123,"customerRef":true,"type":1,"name":5,"occurredAt":1700000000,"properties":{}}]""");

		assertThat(response.getBody().get("rejected").get(0).get("problems")).extracting(JsonNode::asText)
			.containsExactly("eventId must be a string, not a number", "customerRef must be a string, not a boolean",
					"type must be a string, not a number", "name must be a string or null, not a number",
					"occurredAt must be a string, not a number");
	}

	@Test
	void refusesControlCharactersInEventIdsNamesAndPropertyKeys() {
		Instant now = EngineTime.now();
		ResponseEntity<JsonNode> response = post(UsageEvents.batch(
				event("e-\\u0000" + UUID.randomUUID(), ref, "login", "null", now.toString(), "{}"),
				event("e-" + UUID.randomUUID(), ref + "\u2028", "login", "null", now.toString(), "{}"),
				event("e-" + UUID.randomUUID(), ref, "feature_used", "\"re\u0085ports\"", now.toString(), "{}"),
				event("e-" + UUID.randomUUID(), ref, "feature_used", "\"reports\"", now.toString(),
						"{\"pl\u202Ean\":\"pro\",\"note\":\"two\\nlines\"}")));

		assertThat(response.getBody().get("accepted").asInt()).isZero();
		assertThat(response.getBody().get("rejected")).extracting(rejection -> rejection.get("problems").get(0).asText())
			.containsExactly("eventId must not contain control characters; found U+0000 (NULL) at position 3",
					"customerRef must not contain control characters; found U+2028 (LINE SEPARATOR) at position "
							+ (ref.length() + 1),
					"name must not contain control characters; found U+0085 (NEXT LINE (NEL)) at position 3",
					"properties: a key must not contain control characters; found U+202E (RIGHT-TO-LEFT OVERRIDE) at position 3");
	}

	@Test
	void milestonesRacingEachOtherForOneJourneyAllCount() throws Exception {
		String id = customers.purchase(ref, true);
		jobs.executeAll(id);
		String kickoff = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
		taskService.complete(kickoff, Map.of("migrationNeeded", false));
		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
		assertThat(instance).isWaitingAt("UserTask_DataMigrated", "UserTask_SetupVerified", "UserTask_TrainingCompleted");

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(3);
		try {
			List<Future<ResponseEntity<JsonNode>>> responses = new ArrayList<>();
			for (String milestone : List.of("data-migrated", "technical-setup-verified", "training-completed")) {
				responses.add(clients.submit(() -> {
					start.await();
					return post(UsageEvents.batch(UsageEvents.milestone(ref, milestone, EngineTime.MONDAY_MORNING)));
				}));
			}
			start.countDown();
			for (Future<ResponseEntity<JsonNode>> response : responses) {
				assertThat(response.get().getBody().get("accepted").asInt()).isOne();
			}
		}
		finally {
			clients.shutdownNow();
		}

		assertThat(instance).isWaitingAt("ServiceTask_CompleteOnboarding");
	}

	private List<String> usage() {
		JsonNode days = api.get(users.csm(), "/api/customers/" + ref + "/usage?from=2026-11-01").getBody().get("days");
		return StreamSupport.stream(days.spliterator(), false)
			.map(day -> day.get("day").asText() + " " + day.get("type").asText() + " " + day.path("name").asText("-") + " "
					+ day.get("count").asLong())
			.toList();
	}

	private long deltasOfCustomer() {
		return jdbc.queryForObject("""
				select count(*) from usage_daily_delta
				where customer_id = (select id from customer where external_ref = ?)""", Long.class, ref);
	}

	private ResponseEntity<JsonNode> post(String batch) {
		return api.post(users.integration(), "/api/usage-events", batch);
	}

	private static void assertBadBody(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("body");
		assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("JSON array of 1 to 1000");
	}

	private static String event(String eventId, String customerRef, String type, String nameJson, String occurredAt,
			String propertiesJson) {
		return """
				{"eventId":"%s","customerRef":"%s","type":"%s","name":%s,"occurredAt":"%s","properties":%s}"""
			.formatted(eventId, customerRef, type, nameJson, occurredAt, propertiesJson);
	}

}
