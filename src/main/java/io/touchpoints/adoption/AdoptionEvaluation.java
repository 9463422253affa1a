package io.touchpoints.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.customer.ActiveCustomers;
import io.touchpoints.customer.ActiveCustomers.ActiveCustomer;
import io.touchpoints.usage.WeeklyActivities;
import io.touchpoints.usage.WeeklyActivity;

/**
 * Evaluates every customer with an active subscription against the adoption signals, in bulk: their usage is read
 * from the rollups in two queries and the thresholds once per stage and tier; only a customer with a signal to raise
 * is read again exactly (the evidence shows each week's features). The signals are recorded in one transaction under
 * a cluster-wide lock, and their CSM tasks created after it ({@link PendingSignalTasks}): the engine work grows with
 * the signals raised, never with the customers evaluated, and does not hold up the answer.
 */
@Service
public class AdoptionEvaluation {

	/** The task type of a signal's task (a row of the routing table) and its Camunda Form. */
	static final String TASK_TYPE = "adoption-signal";

	private static final int WEEKS = SignalDetector.TRAILING_WEEKS + 1;

	private static final int EXACT_READ_CHUNK = 500;

	private static final Logger log = LoggerFactory.getLogger(AdoptionEvaluation.class);

	private final ActiveCustomers customers;

	private final WeeklyActivities activities;

	private final AdoptionRules rules;

	private final RaisedSignals raised;

	private final PendingSignalTasks tasks;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AdoptionEvaluation(ActiveCustomers customers, WeeklyActivities activities, AdoptionRules rules, RaisedSignals raised,
			PendingSignalTasks tasks, PlatformTransactionManager transactions, Clock clock) {
		this.customers = customers;
		this.activities = activities;
		this.rules = rules;
		this.raised = raised;
		this.tasks = tasks;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * What one evaluation did: customers evaluated, customers with a new signal, and signals raised by kind. Their
	 * tasks are in Tasklist moments later.
	 */
	public record Result(LocalDate evaluatedOn, int evaluated, int flagged, Map<String, Integer> raised) {
	}

	/** Evaluates everyone now (on demand). */
	public Result evaluate() {
		return evaluate(today());
	}

	/** The daily run: evaluates {@code today} unless another node (or an earlier run) already has. */
	public Optional<Result> evaluateTodayOnce() {
		LocalDate today = today();
		Boolean claimed = transaction.execute(status -> {
			if (!raised.claimDay(today)) {
				return false;
			}
			raised.markEvaluated(today);
			return true;
		});
		return Boolean.TRUE.equals(claimed) ? Optional.of(evaluate(today)) : Optional.empty();
	}

	Result evaluate(LocalDate today) {
		List<ActiveCustomer> active = customers.all();
		Map<Long, WeeklyActivity> usage = activities.all(today, WEEKS);
		List<Feature> features = rules.features();
		Map<String, RaisedSignals.Last> lastRaised = raised.lastRaised(today);
		Map<String, Optional<SignalThresholds>> thresholds = new HashMap<>();
		int evaluated = 0;
		Map<ActiveCustomer, SignalThresholds> candidates = new LinkedHashMap<>();
		for (ActiveCustomer customer : active) {
			Optional<SignalThresholds> limits = thresholds.computeIfAbsent(customer.stage().value() + "|" + customer.tier(),
					key -> rules.thresholds(customer.stage().value(), customer.tier()));
			if (limits.isEmpty()) {
				continue;
			}
			evaluated++;
			WeeklyActivity activity = usage.getOrDefault(customer.id(), WeeklyActivity.none(customer.id(), today, WEEKS));
			if (SignalDetector.find(customer, activity, limits.get(), features, today).stream()
				.anyMatch(finding -> !blocked(lastRaised, customer.id(), finding, limits.get(), today))) {
				candidates.put(customer, limits.get());
			}
		}
		List<RaisedSignals.Raised> toRaise = findExactly(candidates, features, today);
		List<RaisedSignals.Raised> recorded = record(toRaise, candidates, today);
		if (!recorded.isEmpty() || tasks.pending() > 0) {
			tasks.createAllInBackground();
		}
		Map<String, Integer> raisedByKind = new LinkedHashMap<>();
		for (AdoptionSignal signal : AdoptionSignal.values()) {
			raisedByKind.put(signal.value(), 0);
		}
		Set<Long> flagged = new LinkedHashSet<>();
		for (RaisedSignals.Raised signal : recorded) {
			raisedByKind.merge(signal.finding().signal().value(), 1, Integer::sum);
			flagged.add(signal.customerId());
		}
		Result result = new Result(today, evaluated, flagged.size(), raisedByKind);
		log.info("Adoption evaluation of {}: {} customers evaluated, {} flagged, signals raised {}", today, evaluated,
				flagged.size(), raisedByKind);
		return result;
	}

	/** The signals of the candidates from their exact usage, whose evidence shows each week's features. */
	private List<RaisedSignals.Raised> findExactly(Map<ActiveCustomer, SignalThresholds> candidates, List<Feature> features,
			LocalDate today) {
		List<RaisedSignals.Raised> found = new ArrayList<>();
		List<ActiveCustomer> all = List.copyOf(candidates.keySet());
		for (int from = 0; from < all.size(); from += EXACT_READ_CHUNK) {
			List<ActiveCustomer> chunk = all.subList(from, Math.min(all.size(), from + EXACT_READ_CHUNK));
			Map<Long, WeeklyActivity> exact = activities.of(chunk.stream().map(ActiveCustomer::id).toList(), today, WEEKS);
			for (ActiveCustomer customer : chunk) {
				for (Finding finding : SignalDetector.find(customer, exact.get(customer.id()), candidates.get(customer), features,
						today)) {
					found.add(new RaisedSignals.Raised(customer.id(), finding));
				}
			}
		}
		return found;
	}

	/**
	 * Records the signals not raised meanwhile, checking again under the lock: an evaluation on demand and the daily
	 * one on another node never raise the same signal twice.
	 */
	private List<RaisedSignals.Raised> record(List<RaisedSignals.Raised> toRaise,
			Map<ActiveCustomer, SignalThresholds> candidates, LocalDate today) {
		if (toRaise.isEmpty()) {
			return List.of();
		}
		Map<Long, SignalThresholds> limits = new HashMap<>();
		candidates.forEach((customer, thresholds) -> limits.put(customer.id(), thresholds));
		return transaction.execute(status -> {
			raised.lockForRecording();
			Map<String, RaisedSignals.Last> current = raised.lastRaisedOf(limits.keySet(), today);
			List<RaisedSignals.Raised> fresh = toRaise.stream()
				.filter(signal -> !blocked(current, signal.customerId(), signal.finding(), limits.get(signal.customerId()), today))
				.toList();
			raised.recordPending(today, fresh);
			return fresh;
		});
	}

	private static boolean blocked(Map<String, RaisedSignals.Last> lastRaised, long customerId, Finding finding,
			SignalThresholds limits, LocalDate today) {
		RaisedSignals.Last last = lastRaised.get(RaisedSignals.key(customerId, finding.signal()));
		return last != null && last.blocks(today, limits.repeatAfterDays());
	}

	private LocalDate today() {
		return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
	}

}
