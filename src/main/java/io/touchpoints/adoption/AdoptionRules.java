package io.touchpoints.adoption;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AsEngine;

/** Reads the tables CX ops edit: the signal thresholds per stage and tier, and the feature catalogue. */
@Component
class AdoptionRules {

	static final String SIGNALS = "adoption-signals";

	static final String FEATURES = "feature-tips";

	/** Every row of the catalogue matches a day this late. */
	private static final int ANY_DAY = 100_000;

	private final DecisionService decisions;

	private final AsEngine asEngine;

	AdoptionRules(@Lazy DecisionService decisions, AsEngine asEngine) {
		this.decisions = decisions;
		this.asEngine = asEngine;
	}

	/** The thresholds for a stage and tier; empty when no rule matches (such customers are not evaluated). */
	Optional<SignalThresholds> thresholds(String stage, String tier) {
		DmnDecisionResultEntries row = asEngine.call(() -> decisions.evaluateDecisionByKey(SIGNALS)
			.variables(Map.of("stage", stage, "tier", tier == null ? "" : tier))
			.evaluate()
			.getFirstResult());
		if (row == null) {
			return Optional.empty();
		}
		return Optional.of(new SignalThresholds(integer(row, "inactiveDays"), integer(row, "inactiveAfterDay"),
				number(row, "fallingBelow"), integer(row, "fallingMinWeeks"), integer(row, "stickyByDay"),
				integer(row, "stickyRequired"), integer(row, "repeatAfterDays")));
	}

	/** Every feature of the catalogue, the most valuable first. */
	List<Feature> features() {
		return features(ANY_DAY);
	}

	/** The features whose tips may go out on the given day of a subscription, the most valuable first. */
	List<Feature> features(int subscriptionDay) {
		return asEngine.call(() -> decisions.evaluateDecisionByKey(FEATURES)
			.variables(Map.of("subscriptionDay", subscriptionDay))
			.evaluate())
			.stream()
			.map(row -> new Feature(text(row, "feature"), "sticky".equals(row.getEntry("kind")), row.getEntry("tipTemplate"),
					integer(row, "order")))
			.sorted(Comparator.comparingInt(Feature::order))
			.toList();
	}

	private static String text(Map<String, Object> row, String output) {
		Object value = row.get(output);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException("A rule of " + FEATURES + ".dmn gives no " + output);
		}
		return value.toString();
	}

	private static int integer(Map<String, Object> row, String output) {
		return (int) number(row, output);
	}

	private static double number(Map<String, Object> row, String output) {
		if (!(row.get(output) instanceof Number value)) {
			throw new IllegalStateException("A rule of processes/" + SIGNALS + ".dmn or " + FEATURES + ".dmn gives no number for "
					+ output + ": " + row);
		}
		return value.doubleValue();
	}

}
