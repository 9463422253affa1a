package io.touchpoints.task;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import io.touchpoints.customer.Customer;
import io.touchpoints.system.AsEngine;

/**
 * Decides who gets a task and when it is due, from the DMN table {@code task-routing} (processes/task-routing.dmn)
 * that CX operations edit: inputs task type, lifecycle stage, tier and annual value; outputs candidate group,
 * SLA in hours, lead group and the lead group's SLA.
 */
@Service
public class TaskRouting {

	static final String DECISION_KEY = "task-routing";

	private final DecisionService decisions;

	private final AsEngine asEngine;

	TaskRouting(@Lazy DecisionService decisions, AsEngine asEngine) {
		this.decisions = decisions;
		this.asEngine = asEngine;
	}

	public Route route(String taskType, Customer customer) {
		Map<String, Object> inputs = Map.of("taskType", taskType,
				"stage", customer == null ? "" : customer.getStage().value(),
				"tier", customer == null ? "" : customer.getTier(),
				"annualValue", customer == null ? 0.0 : customer.getAnnualValue().doubleValue());
		DmnDecisionResultEntries row = asEngine.call(() -> decisions.evaluateDecisionByKey(DECISION_KEY)
			.variables(inputs)
			.evaluate()
			.getFirstResult());
		if (row == null) {
			throw new IllegalStateException("The routing table '" + DECISION_KEY + "' has no rule for " + inputs
					+ "; add a rule (or a catch-all last rule) in processes/task-routing.dmn");
		}
		String candidateGroup = required(row, "candidateGroup", inputs);
		return new Route(candidateGroup, hours(row.getEntry("slaHours"), inputs, "slaHours"),
				row.getEntry("leadGroup"), row.getEntry("leadSlaHours") == null ? null
						: hours(row.getEntry("leadSlaHours"), inputs, "leadSlaHours"));
	}

	private static String required(DmnDecisionResultEntries row, String output, Map<String, Object> inputs) {
		Object value = row.getEntry(output);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException("The routing table's rule for " + inputs + " gives no " + output);
		}
		return value.toString();
	}

	private static Duration hours(Object value, Map<String, Object> inputs, String output) {
		if (!(value instanceof Number number) || number.doubleValue() <= 0) {
			throw new IllegalStateException("The routing table's rule for " + inputs + " gives " + output + " = " + value
					+ "; it must be a positive number of hours");
		}
		return Duration.ofMinutes(new BigDecimal(number.toString()).multiply(BigDecimal.valueOf(60)).longValue());
	}

}
