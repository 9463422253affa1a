package io.touchpoints.sandbox;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * {@code task} as an expression sees it (task listeners, task attributes): its variables and the values that
 * identify it. Never the engine's task itself, which would reach the engine's services and its execution.
 */
final class TaskView extends VariableView {

	private final DelegateTask task;

	TaskView(DelegateTask task) {
		super(task);
		this.task = task;
	}

	public String getId() {
		return task.getId();
	}

	public String getName() {
		return task.getName();
	}

	public String getDescription() {
		return task.getDescription();
	}

	public String getTaskDefinitionKey() {
		return task.getTaskDefinitionKey();
	}

	public String getEventName() {
		return task.getEventName();
	}

	public String getAssignee() {
		return task.getAssignee();
	}

	public String getOwner() {
		return task.getOwner();
	}

	public int getPriority() {
		return task.getPriority();
	}

	public Date getDueDate() {
		return copy(task.getDueDate());
	}

	public Date getFollowUpDate() {
		return copy(task.getFollowUpDate());
	}

	public Date getCreateTime() {
		return copy(task.getCreateTime());
	}

	public String getProcessInstanceId() {
		return task.getProcessInstanceId();
	}

	public String getExecutionId() {
		return task.getExecutionId();
	}

	public String getProcessDefinitionId() {
		return task.getProcessDefinitionId();
	}

	public String getTenantId() {
		return task.getTenantId();
	}

	private static Date copy(Date date) {
		return date == null ? null : new Date(date.getTime());
	}

}
