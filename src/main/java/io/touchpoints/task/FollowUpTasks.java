package io.touchpoints.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.process.ModelNames;
import io.touchpoints.system.AsEngine;

/**
 * Creates tasks for people that no journey waits for (follow-ups, check-ins, escalations), each as an instance of
 * the {@code follow-up-task} model: routed by the same rules table as journey tasks, with a Camunda Form that shows
 * who the customer is and why, and ended with everything else of the customer when they churn.
 */
@Service
public class FollowUpTasks {

	public static final String CUSTOMER_REF = "customerRef";

	/** Where the model's user task writes its id ({@code taskIdVariable}). */
	private static final String TASK_ID = "followUpTaskId";

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final CustomerRegistry customers;

	private final AsEngine asEngine;

	private final TaskBriefings briefings;

	FollowUpTasks(@Lazy RuntimeService runtimeService, @Lazy TaskService taskService, CustomerRegistry customers,
			AsEngine asEngine, TaskBriefings briefings) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.customers = customers;
		this.asEngine = asEngine;
		this.briefings = briefings;
	}

	/** Creates the task and returns its id. */
	public String create(FollowUp followUp) {
		Customer customer = customers.require(followUp.customerRef(), "customerRef");
		return asEngine.call(() -> (String) runtimeService.createProcessInstanceByKey(ModelNames.FOLLOW_UP_TASK)
			.businessKey(customer.getExternalRef())
			.setVariables(variables(customer, followUp))
			.executeWithVariablesInReturn()
			.getVariables()
			.get(TASK_ID));
	}

	/** Moves a task's due date (a rescheduled check-in). */
	public void reschedule(String taskId, Instant due) {
		asEngine.run(() -> {
			Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
			if (task != null) {
				task.setDueDate(Date.from(due));
				taskService.saveTask(task);
			}
		});
	}

	/** Removes a task that is no longer needed (a cancelled check-in), recording why. */
	public void cancel(String taskId, String reason) {
		asEngine.run(() -> {
			Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
			if (task == null) {
				return;
			}
			if (task.getProcessInstanceId() == null) {
				// A standalone task, created before follow-ups had a model of their own.
				taskService.deleteTask(taskId, reason);
			}
			else {
				runtimeService.deleteProcessInstance(task.getProcessInstanceId(), reason);
			}
		});
	}

	private Map<String, Object> variables(Customer customer, FollowUp followUp) {
		Map<String, Object> variables = new HashMap<>(briefings.forNewTask(followUp.taskType(), customer));
		variables.putAll(followUp.details());
		variables.put(CUSTOMER_REF, customer.getExternalRef());
		variables.put("customerName", customer.getName());
		variables.put("taskType", followUp.taskType());
		variables.put("taskTitle", followUp.title());
		variables.put("taskReason", followUp.description() == null || followUp.description().isBlank() ? followUp.title()
				: followUp.description().strip());
		variables.put("taskForm", followUp.form());
		variables.put("taskDue", followUp.due() == null ? null : Date.from(followUp.due()));
		variables.put("routeTo", (followUp.forLeadGroup() ? RouteTo.LEAD_GROUP : RouteTo.CANDIDATE_GROUP).value());
		if (followUp.sourceProcessInstanceId() != null) {
			variables.put("sourceProcessInstanceId", followUp.sourceProcessInstanceId());
		}
		return variables;
	}

}
