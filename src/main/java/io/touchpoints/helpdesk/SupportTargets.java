package io.touchpoints.helpdesk;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AsEngine;

/** Reads {@code support-targets.dmn}: what support promises customers of a lifecycle stage. */
@Component
class SupportTargets {

	static final String DECISION = "support-targets";

	/** The targets of one stage; the overall figures use those of no stage. */
	record Targets(int firstResponseHours, double firstAnsweredShare, double medianFirstResponseHours,
			double firstContactResolution, int reopenWindowDays, double medianWaitSeconds, int longWaitSeconds,
			double longWaitShare, double abandonment, int ignoreAbandonSeconds) {
	}

	private final DecisionService decisions;

	private final AsEngine asEngine;

	SupportTargets(@Lazy DecisionService decisions, AsEngine asEngine) {
		this.decisions = decisions;
		this.asEngine = asEngine;
	}

	/** The targets for a stage ({@code ""}: overall). */
	Targets of(String stage) {
		DmnDecisionResultEntries row = asEngine.call(() -> decisions.evaluateDecisionByKey(DECISION)
			.variables(Map.of("stage", stage))
			.evaluate()
			.getFirstResult());
		if (row == null) {
			throw new IllegalStateException("processes/" + DECISION + ".dmn has no rule for stage '" + stage
					+ "'; keep a catch-all rule last");
		}
		return new Targets(whole(row, "firstResponseHours"), number(row, "firstAnsweredShare"),
				number(row, "medianFirstResponseHours"), number(row, "firstContactResolution"), whole(row, "reopenWindowDays"),
				number(row, "medianWaitSeconds"), whole(row, "longWaitSeconds"), number(row, "longWaitShare"),
				number(row, "abandonment"), whole(row, "ignoreAbandonSeconds"));
	}

	private static int whole(Map<String, Object> row, String output) {
		return (int) number(row, output);
	}

	private static double number(Map<String, Object> row, String output) {
		if (!(row.get(output) instanceof Number value)) {
			throw new IllegalStateException("processes/" + DECISION + ".dmn gives no number for " + output + ": " + row);
		}
		return value.doubleValue();
	}

}
