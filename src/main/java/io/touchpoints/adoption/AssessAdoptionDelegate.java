package io.touchpoints.adoption;

import static io.touchpoints.process.DelegateInputs.requiredInt;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.LifecycleStage;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.usage.DailyUsage;

/**
 * Gathers the facts the day-90 adoption review decides on, as variables the next business rule task reads:
 * {@code onboardingCompleted} (the customer has left the onboarding stage), {@code activeDays} (days with any usage
 * over the last {@code activeDaysWindow} days), {@code openSignals} (adoption signals whose task is still open) and
 * {@code tier}.
 */
@ModelBean
@Component("assessAdoptionDelegate")
class AssessAdoptionDelegate implements JavaDelegate {

	private final CustomerRegistry customers;

	private final DailyUsage usage;

	private final RaisedSignals raised;

	private final Clock clock;

	AssessAdoptionDelegate(CustomerRegistry customers, DailyUsage usage, RaisedSignals raised, Clock clock) {
		this.customers = customers;
		this.usage = usage;
		this.raised = raised;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int window = requiredInt(execution, "activeDaysWindow");
		if (window < 1 || window > 366) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "': activeDaysWindow must be 1 to 366 days, not " + window);
		}
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		execution.setVariable("onboardingCompleted", customer.getStage() != LifecycleStage.ONBOARDING);
		execution.setVariable("activeDays", usage.activeDays(customer.getId(), today.minusDays(window - 1L), today));
		execution.setVariable("tier", customer.getTier() == null ? "" : customer.getTier());
		execution.setVariable("openSignals", raised.openOf(customer.getId()).size());
	}

}
