package io.touchpoints.survey;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AsEngine;

/** Reads {@code nps-bands.dmn}: the lowest NPS each lifecycle stage may show. */
@Component
class NpsBands {

	static final String DECISION = "nps-bands";

	private final DecisionService decisions;

	private final AsEngine asEngine;

	NpsBands(@Lazy DecisionService decisions, AsEngine asEngine) {
		this.decisions = decisions;
		this.asEngine = asEngine;
	}

	/**
	 * The lowest NPS of each stage, all read in one engine command: each evaluation writes its decision history, and
	 * a read of the figures then commits once, not once per stage.
	 */
	Map<String, Integer> lowestFor(Collection<String> stages) {
		return asEngine.call(() -> {
			Map<String, Integer> lowest = new LinkedHashMap<>();
			stages.forEach(stage -> lowest.put(stage, evaluate(stage)));
			return lowest;
		});
	}

	private int evaluate(String stage) {
		DmnDecisionResultEntries row = decisions.evaluateDecisionByKey(DECISION)
			.variables(Map.of("stage", stage))
			.evaluate()
			.getFirstResult();
		if (row == null || !(row.get("lowestNps") instanceof Number lowest)) {
			throw new IllegalStateException("processes/" + DECISION + ".dmn gives no lowestNps for stage '" + stage
					+ "'; keep a catch-all rule last");
		}
		return lowest.intValue();
	}

}
