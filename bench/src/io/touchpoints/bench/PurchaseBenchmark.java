package io.touchpoints.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;

/**
 * A journey start through the purchase API against the raw engine starting the same lifecycle model with the same
 * variables, in the same run on the same database, each path with 4 clients. The API path records the subscription,
 * its timeline entry and the onboarding, and answers over HTTP; the raw path only starts the process (which moves
 * the stage and calls onboarding up to its first wait states, as the API's does). Target: API at least 70% of raw.
 *
 * <pre>bench/purchase.sh [purchases-per-path]</pre>
 */
public final class PurchaseBenchmark {

	private static final int CLIENTS = 4;

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
		try (BenchService service = new BenchService()) {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			List<String> apiCustomers = customers(service, "api", n + 50);
			List<String> rawCustomers = customers(service, "raw", n + 50);
			RuntimeService runtime = service.bean(RuntimeService.class);
			// Warm-up of both paths, untimed.
			Parallel.run(CLIENTS, apiCustomers.subList(n, n + 50), ref -> purchase(service, ref, today));
			Parallel.run(CLIENTS, rawCustomers.subList(n, n + 50), ref -> startRaw(runtime, ref));

			Parallel.Run raw = Parallel.run(CLIENTS, rawCustomers.subList(0, n), ref -> startRaw(runtime, ref));
			Parallel.Run api = Parallel.run(CLIENTS, apiCustomers.subList(0, n), ref -> purchase(service, ref, today));

			long onboardings = runtime.createProcessInstanceQuery().processDefinitionKey("customer-onboarding").count();
			if (onboardings != 2L * (n + 50)) {
				throw new IllegalStateException("expected " + 2 * (n + 50) + " onboardings, found " + onboardings);
			}
			double ratio = api.perSecond(n) / raw.perSecond(n);
			System.out.printf(Locale.ROOT, "Purchases through the API: %,.0f/s (%,d in %.2f s); p50 %.0f ms, p99 %.0f ms%n",
					api.perSecond(n), n, api.seconds(), api.percentileMillis(50), api.percentileMillis(99));
			System.out.printf(Locale.ROOT, "Raw lifecycle starts:      %,.0f/s (%,d in %.2f s); p50 %.1f ms, p99 %.1f ms%n",
					raw.perSecond(n), n, raw.seconds(), raw.percentileMillis(50), raw.percentileMillis(99));
			System.out.printf(Locale.ROOT, "API / raw: %.0f%% (target >= 70%%): %s%n", ratio * 100,
					ratio >= 0.70 ? "PASS" : "MISS");
			System.exit(ratio >= 0.70 ? 0 : 2);
		}
	}

	private static List<String> customers(BenchService service, String path, int count) throws Exception {
		List<String> refs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String ref = "bench-p-" + path + "-" + i;
			BenchService.Response created = service.send("PUT", "/api/customers/" + ref, """
					{"name":"Customer %s","email":"%s@example.com","locale":"en","timeZone":"Europe/Berlin","tier":"standard","annualValue":1000}"""
				.formatted(ref, ref));
			if (created.status() != 201) {
				throw new IllegalStateException("PUT /api/customers/" + ref + " answered " + created.raw());
			}
			refs.add(ref);
		}
		return refs;
	}

	private static void purchase(BenchService service, String ref, LocalDate today) throws Exception {
		BenchService.Response response = service.send("POST", "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"po-%s","plan":"pro","startDate":"%s","renewalDate":"%s","migrating":false}"""
			.formatted(ref, today, today.plusYears(1)));
		if (response.status() != 201) {
			throw new IllegalStateException("purchase of " + ref + " answered " + response.raw());
		}
	}

	private static void startRaw(RuntimeService runtime, String ref) {
		runtime.startProcessInstanceByKey("customer-lifecycle", ref, Map.of("customerRef", ref, "customerName",
				"Customer " + ref, "purchaseId", "po-" + ref, "plan", "pro", "migrating", false));
	}

}
