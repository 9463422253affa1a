package io.touchpoints.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.customer.ActiveCustomers;
import io.touchpoints.customer.ActiveCustomers.ActiveCustomer;
import io.touchpoints.task.FollowUp;
import io.touchpoints.task.FollowUpTasks;
import io.touchpoints.usage.WeeklyActivities;
import io.touchpoints.usage.WeeklyActivity;

/**
 * Evaluates every customer with an active subscription against the adoption signals, in bulk: their usage is read
 * from the rollups in two queries, the thresholds once per stage and tier, and only a customer with a signal to
 * raise becomes engine work (a task for their CSM with the evidence), each in a transaction of its own.
 */
@Service
public class AdoptionEvaluation {

	/** The task type of a signal's task (a row of the routing table) and its Camunda Form. */
	static final String TASK_TYPE = "adoption-signal";

	private static final Logger log = LoggerFactory.getLogger(AdoptionEvaluation.class);

	private final ActiveCustomers customers;

	private final WeeklyActivities activities;

	private final AdoptionRules rules;

	private final RaisedSignals raised;

	private final FollowUpTasks tasks;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AdoptionEvaluation(ActiveCustomers customers, WeeklyActivities activities, AdoptionRules rules, RaisedSignals raised,
			FollowUpTasks tasks, PlatformTransactionManager transactions, Clock clock) {
		this.customers = customers;
		this.activities = activities;
		this.rules = rules;
		this.raised = raised;
		this.tasks = tasks;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** What one evaluation did: customers evaluated, customers with a new signal, and signals raised by kind. */
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
		Map<Long, WeeklyActivity> usage = activities.all(today, SignalDetector.TRAILING_WEEKS + 1);
		List<Feature> features = rules.features();
		Map<String, RaisedSignals.Last> lastRaised = raised.lastRaised(today);
		Map<String, Optional<SignalThresholds>> thresholds = new HashMap<>();
		Map<String, Integer> raisedByKind = new LinkedHashMap<>();
		for (AdoptionSignal signal : AdoptionSignal.values()) {
			raisedByKind.put(signal.value(), 0);
		}
		int evaluated = 0;
		int flagged = 0;
		for (ActiveCustomer customer : active) {
			Optional<SignalThresholds> limits = thresholds.computeIfAbsent(customer.stage().value() + "|" + customer.tier(),
					key -> rules.thresholds(customer.stage().value(), customer.tier()));
			if (limits.isEmpty()) {
				continue;
			}
			evaluated++;
			WeeklyActivity activity = usage.containsKey(customer.id()) ? usage.get(customer.id())
					: WeeklyActivity.none(customer.id(), today, SignalDetector.TRAILING_WEEKS + 1);
			if (SignalDetector.find(customer, activity, limits.get(), features, today).stream()
				.allMatch(finding -> blocked(lastRaised, customer, finding, limits.get(), today))) {
				continue;
			}
			// The bulk read leaves out each week's features, which a task's evidence shows: read this customer exactly.
			WeeklyActivity exact = activities.of(List.of(customer.id()), today, SignalDetector.TRAILING_WEEKS + 1)
				.get(customer.id());
			List<AdoptionSignal> raisedNow = new ArrayList<>();
			for (Finding finding : SignalDetector.find(customer, exact, limits.get(), features, today)) {
				if (blocked(lastRaised, customer, finding, limits.get(), today)) {
					continue;
				}
				if (raise(customer, finding, limits.get(), today)) {
					raisedNow.add(finding.signal());
					raisedByKind.merge(finding.signal().value(), 1, Integer::sum);
				}
			}
			if (!raisedNow.isEmpty()) {
				flagged++;
			}
		}
		Result result = new Result(today, evaluated, flagged, raisedByKind);
		log.info("Adoption evaluation of {}: {} customers evaluated, {} flagged, signals raised {}", today, evaluated,
				flagged, raisedByKind);
		return result;
	}

	private static boolean blocked(Map<String, RaisedSignals.Last> lastRaised, ActiveCustomer customer, Finding finding,
			SignalThresholds limits, LocalDate today) {
		RaisedSignals.Last last = lastRaised.get(RaisedSignals.key(customer.id(), finding.signal()));
		return last != null && last.blocks(today, limits.repeatAfterDays());
	}

	private boolean raise(ActiveCustomer customer, Finding finding, SignalThresholds limits, LocalDate today) {
		try {
			return Boolean.TRUE.equals(transaction.execute(status -> {
				if (!raised.mayRaise(customer.id(), finding.signal(), today, limits.repeatAfterDays())) {
					return false;
				}
				String taskId = tasks.create(FollowUp.of(customer.ref(), TASK_TYPE, finding.title(), finding.reason())
					.withForm(TASK_TYPE)
					.withDetails(Map.of("adoptionSignal", finding.signal().value(), "signalEvidence", finding.evidence())));
				raised.record(customer.id(), finding.signal(), today, taskId, finding.evidence());
				return true;
			}));
		}
		catch (RuntimeException e) {
			log.warn("Adoption signal '{}' for customer {} could not be raised; the next evaluation tries again",
					finding.signal().value(), customer.ref(), e);
			return false;
		}
	}

	private LocalDate today() {
		return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
	}

}
