package io.touchpoints.task;

import static io.touchpoints.process.DelegateInputs.optional;
import static io.touchpoints.process.DelegateInputs.required;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.sandbox.ModelBean;

/**
 * Creates a standalone follow-up task for the customer of the process instance, routed by the rules table, and
 * goes on without waiting for it. Inputs: {@code taskType}, {@code title}, optional {@code description} and
 * {@code routeTo} ({@code candidate-group}, the default, or {@code lead-group}). Writes {@code followUpTaskId}.
 */
@ModelBean
@Component("createFollowUpTaskDelegate")
class CreateFollowUpTaskDelegate implements JavaDelegate {

	private final FollowUpTasks followUpTasks;

	CreateFollowUpTaskDelegate(FollowUpTasks followUpTasks) {
		this.followUpTasks = followUpTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		FollowUp followUp = FollowUp.of(execution.getProcessBusinessKey(), required(execution, "taskType"),
				required(execution, "title"), optional(execution, "description"))
			.from(execution.getProcessInstanceId());
		String routeTo = optional(execution, "routeTo");
		if ("lead-group".equals(routeTo)) {
			followUp = followUp.toLeadGroup();
		}
		else if (routeTo != null && !"candidate-group".equals(routeTo)) {
			throw new IllegalArgumentException("Service task '" + execution.getCurrentActivityName()
					+ "': input parameter routeTo must be 'candidate-group' or 'lead-group', not '" + routeTo + "'");
		}
		execution.setVariable("followUpTaskId", followUpTasks.create(followUp));
	}

}
