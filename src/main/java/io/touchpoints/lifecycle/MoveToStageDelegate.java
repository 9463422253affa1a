package io.touchpoints.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.LifecycleStage;
import io.touchpoints.customer.LifecycleStages;
import io.touchpoints.process.DelegateInputs;
import io.touchpoints.process.ProcessVariables;
import io.touchpoints.sandbox.ModelBean;

/**
 * Moves the journey's customer to the stage the model names ({@code stage}), only from the stages {@code onlyFrom}
 * lists when it lists any; the move is written on their timeline.
 */
@ModelBean
@Component("moveToStageDelegate")
class MoveToStageDelegate implements JavaDelegate {

	static final String STAGE = "stage";

	static final String ONLY_FROM = "onlyFrom";

	private final CustomerRegistry customers;

	private final LifecycleStages stages;

	MoveToStageDelegate(CustomerRegistry customers, LifecycleStages stages) {
		this.customers = customers;
		this.stages = stages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LifecycleStage stage = stageOf(execution, DelegateInputs.required(execution, STAGE));
		Set<LifecycleStage> onlyFrom = onlyFrom(execution);
		String customerRef = (String) execution.getVariable(ProcessVariables.CUSTOMER_REF);
		customers.find(customerRef)
			.filter(customer -> onlyFrom.isEmpty() || onlyFrom.contains(customer.getStage()))
			.ifPresent(customer -> stages.moveTo(customer, stage, execution.getCurrentActivityName()));
	}

	/** The stages a customer may be moved from ({@code onlyFrom}); empty: any. */
	private static Set<LifecycleStage> onlyFrom(DelegateExecution execution) {
		String onlyFrom = DelegateInputs.optional(execution, ONLY_FROM);
		return onlyFrom == null ? Set.of() : Arrays.stream(onlyFrom.split(","))
			.map(String::strip)
			.filter(name -> !name.isEmpty())
			.map(name -> stageOf(execution, name))
			.collect(Collectors.toUnmodifiableSet());
	}

	private static LifecycleStage stageOf(DelegateExecution execution, String stage) {
		return Arrays.stream(LifecycleStage.values())
			.filter(candidate -> candidate.value().equals(stage.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "': stage '" + stage + "' is not one of " + Arrays.stream(LifecycleStage.values())
						.map(LifecycleStage::value)
						.collect(Collectors.joining(", "))));
	}

}
