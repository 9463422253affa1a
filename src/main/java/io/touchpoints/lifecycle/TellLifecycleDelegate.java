package io.touchpoints.lifecycle;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import io.touchpoints.process.DelegateInputs;
import io.touchpoints.process.ModelNames;
import io.touchpoints.sandbox.ModelBean;

/**
 * Tells the journey's customer's lifecycle that something happened ({@code message}, a message the lifecycle model
 * catches, such as {@code RenewalDue}). A lifecycle not waiting for it (the customer is elsewhere in their cycle)
 * ignores it; nothing fails.
 */
@ModelBean
@Component("tellLifecycleDelegate")
class TellLifecycleDelegate implements JavaDelegate {

	static final String MESSAGE = "message";

	@Override
	public void execute(DelegateExecution execution) {
		String message = DelegateInputs.required(execution, MESSAGE);
		RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
		ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE)
			.processInstanceBusinessKey(execution.getProcessBusinessKey())
			.singleResult();
		if (lifecycle != null) {
			runtimeService.createMessageCorrelation(message)
				.processInstanceId(lifecycle.getId())
				.correlateAllWithResult();
		}
	}

}
