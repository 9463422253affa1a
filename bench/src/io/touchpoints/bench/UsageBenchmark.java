package io.touchpoints.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

import io.touchpoints.process.ModelNames;
import io.touchpoints.signal.CustomerSignals;
import io.touchpoints.usage.UsageCompaction;

/**
 * Usage-event ingestion and milestone correlation of the real service, each against its raw ceiling measured in
 * the same run on the same database. Run it with {@code bench/run.sh [events] [instances] [milestoneBatch]}.
 *
 * <ol>
 * <li>Ingestion: {@code events} usage events (default 200,000) POSTed to {@code /api/usage-events} in batches of
 * 1,000 by 4 concurrent clients, against the same rows inserted into {@code usage_event} by plain JDBC batches of
 * 1,000 (one transaction each) from 4 threads.</li>
 * <li>Milestone correlation: {@code instances} onboarding journeys (default 2,000) waiting at their milestone tasks,
 * each moved on by a {@code technical-setup-verified} milestone event through the API (batches of
 * {@code milestoneBatch}, default 50, 4 clients), against as many others moved on by the engine alone
 * ({@code RuntimeService} message correlation by process instance id, 4 threads).</li>
 * </ol>
 * Each workload runs in rounds of raw, API, API, raw (one round for ingestion, two for correlation), after an
 * untimed warm-up of both paths. Every API answer is checked (202, every event accepted) and the stored result
 * verified afterwards.
 */
public final class UsageBenchmark {

	static final int THREADS = 4;

	static final int BATCH = 1000;

	static final int CUSTOMERS = 1000;

	static final int WARM_UP_BATCHES = 20;

	static final int WARM_UP_INSTANCES = 200;

	/** Correlation legs are short (about a second each): more rounds of alternation even out what drifts. */
	static final int CORRELATION_PARTS = 4;

	static final String MILESTONE = "technical-setup-verified";

	/** Attempts per API batch: a batch answered 5xx is sent again (and counted). */
	static final int MAX_ATTEMPTS = 5;

	/** An onboarding journey of the correlation benchmark: the customer and its process instance. */
	record Onboarding(String ref, String processInstanceId) {
	}

	private final BenchService service;

	private final JdbcTemplate jdbc;

	private final boolean apiFirst;

	private final List<String> summary = new ArrayList<>();

	private boolean allPassed = true;

	private final Map<Integer, Long> customerIds = new HashMap<>();

	private final AtomicInteger serverErrors = new AtomicInteger();

	private volatile String firstServerError;

	private UsageBenchmark(BenchService service, boolean apiFirst) {
		this.service = service;
		this.jdbc = new JdbcTemplate(service.dataSource());
		this.apiFirst = apiFirst;
	}

	public static void main(String[] args) throws Exception {
		int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 200_000;
		int instances = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
		int milestoneBatch = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		boolean apiFirst = "api-first".equals(System.getProperty("bench.order", "raw-first"));
		machine();
		int exit;
		long started = System.nanoTime();
		try (BenchService service = new BenchService()) {
			System.out.printf(Locale.ROOT, "Service started on H2 file database %s in %.1f s%n", service.databaseDirectory(),
					(System.nanoTime() - started) / 1e9);
			UsageBenchmark benchmark = new UsageBenchmark(service, apiFirst);
			benchmark.ingestion(events);
			benchmark.correlation(instances, milestoneBatch);
			benchmark.printSummary();
			exit = benchmark.allPassed ? 0 : 2;
		}
		catch (Throwable failure) {
			System.out.flush();
			System.err.println("Benchmark failed:");
			failure.printStackTrace();
			exit = 1;
		}
		// The service's non-daemon threads (Tomcat, SMTP) must not keep a failed run alive.
		System.exit(exit);
	}

	// ---------------------------------------------------------------- ingestion

	private void ingestion(int count) throws Exception {
		System.out.printf(Locale.ROOT, "%n== Usage ingestion: %,d events, batches of %,d, %d clients ==%n", count, BATCH, THREADS);
		long setup = System.nanoTime();
		Parallel.run(THREADS, IntStream.range(0, CUSTOMERS).boxed().toList(), customer -> {
			String ref = UsageWorkload.customerRef(customer);
			expect(service.send("PUT", "/api/customers/" + ref, customerJson(ref)), 201, "PUT /api/customers/" + ref);
		});
		jdbc.query("select id, external_ref from customer where external_ref like 'bench-c-%'",
				rs -> {
					customerIds.put(Integer.parseInt(rs.getString(2).substring("bench-c-".length())), rs.getLong(1));
				});
		Instant now = Instant.now();
		List<UsageWorkload.Event> events = UsageWorkload.events(count, CUSTOMERS, 42, now);
		List<UsageWorkload.Event> warmUp = UsageWorkload.events(WARM_UP_BATCHES * BATCH, CUSTOMERS, 7, now);
		List<UsageWorkload.Batch> apiBatches = UsageWorkload.batches(events, BATCH, "api");
		List<UsageWorkload.Batch> rawBatches = UsageWorkload.batches(events, BATCH, "raw");
		System.out.printf(Locale.ROOT, "Setup: %,d customers created, %,d request bodies built (%.1f MB) in %.1f s%n",
				CUSTOMERS, apiBatches.size(), apiBatches.stream().mapToLong(b -> b.json().length).sum() / 1e6,
				(System.nanoTime() - setup) / 1e9);

		Parallel.Run warmApi = Parallel.run(THREADS, UsageWorkload.batches(warmUp, BATCH, "warm-api"), this::postUsage);
		Parallel.Run warmRaw = Parallel.run(THREADS, UsageWorkload.batches(warmUp, BATCH, "warm-raw"), this::insertRaw);
		System.out.printf(Locale.ROOT, "Warm-up (%,d events each, not counted): API %,.0f events/s, raw %,.0f events/s%n",
				warmUp.size(), warmApi.perSecond(warmUp.size()), warmRaw.perSecond(warmUp.size()));
		reportServerErrors("Warm-up");

		Parallel.Run[] runs = alternate("events",
				parts(rawBatches, 2).stream().map(part -> new Leg(events(part), () -> Parallel.run(THREADS, part, this::insertRaw))).toList(),
				parts(apiBatches, 2).stream().map(part -> new Leg(events(part), () -> Parallel.run(THREADS, part, this::postUsage))).toList());
		Parallel.Run raw = runs[0];
		Parallel.Run api = runs[1];
		String apiErrors = reportServerErrors("API ingest");

		// Ingestion leaves daily counts as deltas for the compaction to fold, which the benchmark runs now, timed.
		long deltas = count("select count(*) from usage_daily_delta");
		long compactionStart = System.nanoTime();
		service.bean(UsageCompaction.class).compact();
		double compactionSeconds = (System.nanoTime() - compactionStart) / 1e9;
		check(count("select count(*) from usage_daily_delta") == 0, "daily-count deltas left after compaction");
		System.out.printf(Locale.ROOT, "Compaction: %,d daily-count deltas left after the last batch, folded in %.2f s%n",
				deltas, compactionSeconds);

		long apiRows = count("select count(*) from usage_event where event_id like 'api-%'");
		long rawRows = count("select count(*) from usage_event where event_id like 'raw-%'");
		long daily = count("select coalesce(sum(event_count), 0) from usage_daily");
		long dailyRows = count("select count(*) from usage_daily");
		check(apiRows == count && rawRows == count && daily == count + warmUp.size(),
				"stored rows: api " + apiRows + ", raw " + rawRows + ", daily counts sum " + daily + " (expected " + count
						+ ", " + count + ", " + (count + warmUp.size()) + ")");
		System.out.printf(Locale.ROOT, "Verified: %,d API rows, %,d raw rows, daily counts add up to %,d over %,d rows%n",
				apiRows, rawRows, daily, dailyRows);

		double apiRate = api.perSecond(count);
		double rawRate = raw.perSecond(count);
		double ratio = apiRate / rawRate;
		summary.add(String.format(Locale.ROOT,
				"API ingest:     %,.0f events/s (%,d events, %.2f s); batch latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
				apiRate, count, api.seconds(), api.percentileMillis(50), api.percentileMillis(95), api.percentileMillis(99),
				api.maxMillis()));
		summary.add(String.format(Locale.ROOT, "Raw JDBC batch: %,.0f events/s (%,d events, %.2f s)", rawRate, count,
				raw.seconds()));
		summary.add(String.format(Locale.ROOT, "API / raw:      %.0f%%   (order %s)", ratio * 100, order(2)));
		double sustainedRate = count / (api.seconds() + compactionSeconds);
		summary.add(String.format(Locale.ROOT,
				"API incl. compaction: %,.0f events/s, %.0f%% of raw (the API time plus %.2f s to fold the %,d deltas left)",
				sustainedRate, sustainedRate / rawRate * 100, compactionSeconds, deltas));
		target("API ingest >= 10,000 events/s", apiRate >= 10_000, String.format(Locale.ROOT, "%,.0f", apiRate));
		target("API ingest >= 25% of raw", ratio >= 0.25, String.format(Locale.ROOT, "%.0f%%", ratio * 100));
		target("p99 batch latency < 500 ms", api.percentileMillis(99) < 500,
				String.format(Locale.ROOT, "%.0f ms", api.percentileMillis(99)));
		target("every batch accepted at its first attempt", apiErrors == null,
				apiErrors == null ? "no 5xx" : apiErrors);
	}

	private void insertRaw(UsageWorkload.Batch batch) throws Exception {
		UsageWorkload.insertRaw(service.dataSource(), batch, customerIds);
	}

	private void postUsage(UsageWorkload.Batch batch) throws Exception {
		postEvents(batch.json(), batch.events().size(), "usage batch " + batch.prefix() + "-" + batch.first());
	}

	/**
	 * POSTs a batch of events; it must be answered 202 with every event accepted. An answer 5xx (the service lost
	 * a race it did not recover from) is counted and the batch sent again, as a real client would (event ids make
	 * it safe); the latency of the batch includes its retries. Anything else stops the benchmark.
	 */
	private void postEvents(byte[] json, int size, String what) throws Exception {
		for (int attempt = 1;; attempt++) {
			BenchService.Response response = service.send("POST", "/api/usage-events", json);
			if (response.status() >= 500 && attempt < MAX_ATTEMPTS) {
				if (serverErrors.getAndIncrement() == 0) {
					firstServerError = response.status() + " " + cause(response);
				}
				continue;
			}
			expect(response, 202, "POST /api/usage-events (" + what + ", attempt " + attempt + ")");
			int accepted = response.body().path("accepted").asInt(-1);
			int duplicates = response.body().path("duplicates").asInt(-1);
			boolean complete = attempt == 1 ? accepted == size : accepted + duplicates == size;
			if (!complete || response.body().path("rejected").size() > 0) {
				throw new IllegalStateException(what + ": accepted " + accepted + " of " + size + ": "
						+ abbreviate(response.raw()));
			}
			return;
		}
	}

	/** Prints the answers 5xx since the last call, if any, and resets the count; returns their description. */
	private String reportServerErrors(String phase) {
		int errors = serverErrors.getAndSet(0);
		String first = firstServerError;
		firstServerError = null;
		if (errors == 0) {
			return null;
		}
		System.out.printf(Locale.ROOT, "%s: %d requests answered 5xx and were sent again; the first: %s%n", phase, errors,
				first);
		return errors + " requests answered 5xx";
	}

	// ---------------------------------------------------------------- correlation

	private void correlation(int n, int milestoneBatch) throws Exception {
		System.out.printf(Locale.ROOT, "%n== Milestone correlation: %,d instances per path, API requests of up to %d events, %d clients ==%n",
				n, milestoneBatch, THREADS);
		long setup = System.nanoTime();
		int total = 2 * n + 2 * WARM_UP_INSTANCES;
		int emailsBefore = service.emailsReceived();
		Onboarding[] created = new Onboarding[total];
		Parallel.run(THREADS, IntStream.range(0, total).boxed().toList(), i -> created[i] = waitingOnboarding(i));
		List<Onboarding> all = List.of(created);
		List<Onboarding> warmRaw = all.subList(0, WARM_UP_INSTANCES);
		List<Onboarding> warmApi = all.subList(WARM_UP_INSTANCES, 2 * WARM_UP_INSTANCES);
		List<Onboarding> raw = all.subList(2 * WARM_UP_INSTANCES, 2 * WARM_UP_INSTANCES + n);
		List<Onboarding> api = all.subList(2 * WARM_UP_INSTANCES + n, total);
		check(waitingAt(all, "UserTask_SetupVerified") == total, "not every instance waits at UserTask_SetupVerified");
		check(service.emailsReceived() - emailsBefore == total, "welcome emails received: "
				+ (service.emailsReceived() - emailsBefore) + " of " + total);
		System.out.printf(Locale.ROOT,
				"Setup: %,d onboardings (customer, purchase, welcome email job, kickoff task) waiting at their milestone tasks in %.1f s%n",
				total, (System.nanoTime() - setup) / 1e9);
		// The service runs this sweep every minute; what it costs with every journey waiting, and it finds nothing.
		long sweepStart = System.nanoTime();
		int swept = service.bean(CustomerSignals.class).sweep();
		check(swept == 0, "milestones sent by the sweep before any was reported: " + swept);
		System.out.printf(Locale.ROOT, "Milestone sweep over %,d waiting journeys: %.0f ms%n", total,
				(System.nanoTime() - sweepStart) / 1e6);

		Instant occurredAt = Instant.now().minusSeconds(1);
		Parallel.run(THREADS, warmRaw, this::correlateRaw);
		Parallel.run(THREADS, milestoneBatches(warmApi, milestoneBatch, occurredAt), this::postMilestones);
		reportServerErrors("Warm-up");

		List<List<MilestoneBatch>> apiParts = parts(api, CORRELATION_PARTS).stream()
			.map(part -> milestoneBatches(part, milestoneBatch, occurredAt))
			.toList();
		Parallel.Run[] runs = alternate("correlations",
				parts(raw, CORRELATION_PARTS).stream()
					.map(part -> new Leg(part.size(), () -> Parallel.run(THREADS, part, this::correlateRaw)))
					.toList(),
				apiParts.stream()
					.map(part -> new Leg(part.stream().mapToInt(batch -> batch.onboardings().size()).sum(),
							() -> Parallel.run(THREADS, part, this::postMilestones)))
					.toList());
		Parallel.Run rawRun = runs[0];
		Parallel.Run apiRun = runs[1];
		String apiErrors = reportServerErrors("API milestones");
		int apiRequests = apiParts.stream().mapToInt(List::size).sum();

		for (List<Onboarding> group : List.of(warmRaw, warmApi, raw, api)) {
			check(waitingAt(group, "UserTask_SetupVerified") == 0, "an instance still waits at UserTask_SetupVerified");
			check(waitingAt(group, "UserTask_TrainingCompleted") == group.size(),
					"not every instance waits at UserTask_TrainingCompleted");
		}
		long recorded = count("select count(*) from onboarding_milestone where milestone = '" + MILESTONE + "'");
		check(recorded == api.size() + warmApi.size(), "milestones recorded by usage events: " + recorded);
		System.out.printf(Locale.ROOT,
				"Verified: all %,d instances left UserTask_SetupVerified and wait at UserTask_TrainingCompleted; %,d milestones recorded by the API%n",
				total, recorded);

		double apiRate = apiRun.perSecond(n);
		double rawRate = rawRun.perSecond(n);
		double ratio = apiRate / rawRate;
		summary.add(String.format(Locale.ROOT,
				"API milestones: %,.0f correlations/s (%,d in %.2f s, %d requests of up to %d events); request latency p50 %.0f ms, p99 %.0f ms",
				apiRate, n, apiRun.seconds(), apiRequests, milestoneBatch, apiRun.percentileMillis(50),
				apiRun.percentileMillis(99)));
		summary.add(String.format(Locale.ROOT,
				"Raw engine:     %,.0f correlations/s (%,d in %.2f s); latency p50 %.1f ms, p99 %.1f ms", rawRate, n,
				rawRun.seconds(), rawRun.percentileMillis(50), rawRun.percentileMillis(99)));
		summary.add(String.format(Locale.ROOT, "API / raw:      %.0f%%   (order %s)", ratio * 100, order(CORRELATION_PARTS)));
		target("Milestone correlation via API >= 80% of raw", ratio >= 0.80,
				String.format(Locale.ROOT, "%.0f%%", ratio * 100));
		target("every milestone batch accepted at its first attempt", apiErrors == null,
				apiErrors == null ? "no 5xx" : apiErrors);
	}

	/** A new customer whose onboarding waits at UserTask_SetupVerified and UserTask_TrainingCompleted. */
	private Onboarding waitingOnboarding(int i) throws Exception {
		String ref = "bench-o-%04d".formatted(i);
		expect(service.send("PUT", "/api/customers/" + ref, customerJson(ref)), 201, "PUT /api/customers/" + ref);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		BenchService.Response purchase = service.send("POST", "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"po-%s","plan":"pro","startDate":"%s","renewalDate":"%s","migrating":false}"""
			.formatted(ref, today, today.plusYears(1)));
		expect(purchase, 201, "POST /api/customers/" + ref + "/purchases");
		// The purchase answers the customer's lifecycle; the onboarding journey runs inside it.
		String processInstanceId = service.bean(RuntimeService.class)
			.createProcessInstanceQuery()
			.superProcessInstanceId(purchase.body().get("processInstanceId").asText())
			.processDefinitionKey("customer-onboarding")
			.singleResult()
			.getId();
		ManagementService management = service.bean(ManagementService.class);
		for (int round = 0; round < 5; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (due.isEmpty()) {
				break;
			}
			for (Job job : due) {
				management.executeJob(job.getId());
			}
		}
		TaskService tasks = service.bean(TaskService.class);
		Task kickoff = tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey("UserTask_KickoffCall")
			.singleResult();
		check(kickoff != null, "no kickoff task for " + ref + " (did the welcome email job fail?)");
		tasks.complete(kickoff.getId(), Map.of("callDate", today.plusDays(1).toString(), "migrationNeeded", false));
		return new Onboarding(ref, processInstanceId);
	}

	private void correlateRaw(Onboarding onboarding) {
		service.bean(RuntimeService.class)
			.createMessageCorrelation(ModelNames.MILESTONE_REACHED)
			.processInstanceId(onboarding.processInstanceId())
			.localVariableEquals("milestone", MILESTONE)
			.correlateWithResult();
	}

	/** Milestone events for a batch of onboardings, with the JSON body built before timing. */
	record MilestoneBatch(List<Onboarding> onboardings, byte[] json) {
	}

	/**
	 * The onboardings' milestone events in requests of at most {@code maxSize} events, as many requests as a multiple
	 * of the client count and of nearly equal size, so no client idles while another sends a last request alone.
	 */
	private static List<MilestoneBatch> milestoneBatches(List<Onboarding> onboardings, int maxSize, Instant occurredAt) {
		int requests = (onboardings.size() + maxSize - 1) / maxSize;
		requests = Math.min(onboardings.size(), (requests + THREADS - 1) / THREADS * THREADS);
		List<MilestoneBatch> batches = new ArrayList<>();
		for (int b = 0; b < requests; b++) {
			List<Onboarding> slice = onboardings.subList(b * onboardings.size() / requests,
					(b + 1) * onboardings.size() / requests);
			StringBuilder json = new StringBuilder("[");
			for (Onboarding onboarding : slice) {
				if (json.length() > 1) {
					json.append(',');
				}
				json.append("{\"eventId\":\"ms-").append(onboarding.ref()).append("\",\"customerRef\":\"")
					.append(onboarding.ref()).append("\",\"type\":\"milestone\",\"name\":\"").append(MILESTONE)
					.append("\",\"occurredAt\":\"").append(occurredAt).append("\"}");
			}
			batches.add(new MilestoneBatch(slice, json.append(']').toString().getBytes(StandardCharsets.UTF_8)));
		}
		return batches;
	}

	private void postMilestones(MilestoneBatch batch) throws Exception {
		postEvents(batch.json(), batch.onboardings().size(), "milestone batch of " + batch.onboardings().get(0).ref());
	}

	private long waitingAt(List<Onboarding> onboardings, String taskKey) {
		return service.bean(TaskService.class)
			.createTaskQuery()
			.processInstanceIdIn(onboardings.stream().map(Onboarding::processInstanceId).toArray(String[]::new))
			.taskDefinitionKey(taskKey)
			.count();
	}

	// ---------------------------------------------------------------- alternation

	/** One timed part of a workload: how many units (events, correlations) it handles, and how to run it. */
	record Leg(int units, Callable<Parallel.Run> run) {
	}

	private String order(int parts) {
		String round = apiFirst ? "API, raw, raw, API" : "raw, API, API, raw";
		return String.join(", ", Collections.nCopies(parts / 2, round));
	}

	/**
	 * Runs each workload in an even number of parts, in rounds of raw, API, API, raw (API, raw, raw, API with
	 * BENCH_ORDER=api-first), so what drifts during a run (tables growing, JIT, GC, the H2 store catching up)
	 * weighs on both alike. Returns the raw and the API run, each its parts together.
	 */
	private Parallel.Run[] alternate(String unit, List<Leg> raw, List<Leg> api) throws Exception {
		List<Leg> first = apiFirst ? api : raw;
		List<Leg> second = apiFirst ? raw : api;
		List<Leg> legs = new ArrayList<>();
		for (int i = 0; i < raw.size(); i += 2) {
			legs.addAll(List.of(first.get(i), second.get(i), second.get(i + 1), first.get(i + 1)));
		}
		Parallel.Run rawRun = null;
		Parallel.Run apiRun = null;
		for (Leg leg : legs) {
			Parallel.Run run = leg.run().call();
			boolean isRaw = raw.stream().anyMatch(rawLeg -> rawLeg == leg);
			System.out.printf(Locale.ROOT, "  %-4s %,10.0f %s/s  (%,d in %.2f s)%n", isRaw ? "raw" : "API",
					run.perSecond(leg.units()), unit, leg.units(), run.seconds());
			if (isRaw) {
				rawRun = rawRun == null ? run : rawRun.plus(run);
			}
			else {
				apiRun = apiRun == null ? run : apiRun.plus(run);
			}
		}
		return new Parallel.Run[] { rawRun, apiRun };
	}

	private static int events(List<UsageWorkload.Batch> batches) {
		return batches.stream().mapToInt(batch -> batch.events().size()).sum();
	}

	/** Splits a list into {@code parts} consecutive parts of nearly equal size. */
	private static <T> List<List<T>> parts(List<T> items, int parts) {
		List<List<T>> split = new ArrayList<>();
		for (int part = 0; part < parts; part++) {
			split.add(items.subList(items.size() * part / parts, items.size() * (part + 1) / parts));
		}
		return split;
	}

	// ---------------------------------------------------------------- reporting

	private void target(String name, boolean passed, String measured) {
		allPassed &= passed;
		summary.add(String.format(Locale.ROOT, "  target %-52s %s (%s)", name + ":", passed ? "PASS" : "FAIL", measured));
	}

	private void printSummary() {
		System.out.printf("%n== Summary ==%n");
		summary.forEach(System.out::println);
		System.out.println(allPassed ? "All targets met." : "Some targets missed (exit code 2).");
	}

	private static void machine() {
		Runtime runtime = Runtime.getRuntime();
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
		}
		catch (Exception e) {
			// Not Linux: the processor count below still says what matters.
		}
		System.out.printf(Locale.ROOT, "Machine: %d processors (%s), %s %s; Java %s (%s); max heap %,d MB; JVM args %s%n",
				runtime.availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.arch"),
				System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() / (1024 * 1024),
				ManagementFactory.getRuntimeMXBean().getInputArguments());
	}

	// ---------------------------------------------------------------- helpers

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private static String customerJson(String ref) {
		return """
				{"name":"Customer %s","email":"%s@example.com","locale":"en","timeZone":"Europe/Berlin","tier":"standard","annualValue":1000}"""
			.formatted(ref, ref);
	}

	private static void expect(BenchService.Response response, int status, String what) {
		if (response.status() != status) {
			throw new IllegalStateException(what + " answered " + response.status() + " (expected " + status + "): "
					+ abbreviate(response.raw()));
		}
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException("Benchmark verification failed: " + message);
		}
	}

	/** The gist of an error answer: its message without the SQL Spring quotes. */
	private static String cause(BenchService.Response response) {
		String message = response.body() == null ? response.raw() : response.body().path("message").asText(response.raw());
		int sqlEnd = message.lastIndexOf("]; ");
		return abbreviate(sqlEnd < 0 ? message : message.substring(sqlEnd + 3)).replace('\n', ' ');
	}

	private static String abbreviate(String text) {
		return text.length() > 500 ? text.substring(0, 500) + "…" : text;
	}

}
