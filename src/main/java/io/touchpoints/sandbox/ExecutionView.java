package io.touchpoints.sandbox;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * {@code execution} as an expression sees it: its variables and the values that identify where it is. Never the
 * engine's execution itself, whose {@code getProcessEngineServices()} would hand a model every engine service.
 */
final class ExecutionView extends VariableView {

	private final DelegateExecution execution;

	ExecutionView(DelegateExecution execution) {
		super(execution);
		this.execution = execution;
	}

	public String getId() {
		return execution.getId();
	}

	public String getProcessInstanceId() {
		return execution.getProcessInstanceId();
	}

	public String getProcessBusinessKey() {
		return execution.getProcessBusinessKey();
	}

	public String getBusinessKey() {
		return execution.getBusinessKey();
	}

	public String getProcessDefinitionId() {
		return execution.getProcessDefinitionId();
	}

	public String getParentId() {
		return execution.getParentId();
	}

	public String getActivityInstanceId() {
		return execution.getActivityInstanceId();
	}

	public String getCurrentActivityId() {
		return execution.getCurrentActivityId();
	}

	public String getCurrentActivityName() {
		return execution.getCurrentActivityName();
	}

	public String getCurrentTransitionId() {
		return execution.getCurrentTransitionId();
	}

	public String getEventName() {
		return execution.getEventName();
	}

	public String getTenantId() {
		return execution.getTenantId();
	}

}
