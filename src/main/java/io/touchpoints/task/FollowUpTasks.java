package io.touchpoints.task;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.system.AsEngine;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Creates standalone tasks for people (follow-ups, check-ins, escalations): they block no journey, are routed by
 * the same rules table as journey tasks and carry the customer's context in their description and variables.
 */
@Service
public class FollowUpTasks {

	public static final String CUSTOMER_REF = "customerRef";

	private final TaskService taskService;

	private final TaskRouting routing;

	private final CustomerRegistry customers;

	private final RoutedTasks routedTasks;

	private final Timeline timeline;

	private final AsEngine asEngine;

	private final Clock clock;

	FollowUpTasks(@Lazy TaskService taskService, TaskRouting routing, CustomerRegistry customers, RoutedTasks routedTasks,
			Timeline timeline, AsEngine asEngine, Clock clock) {
		this.taskService = taskService;
		this.routing = routing;
		this.customers = customers;
		this.routedTasks = routedTasks;
		this.timeline = timeline;
		this.asEngine = asEngine;
		this.clock = clock;
	}

	/** Creates the task and returns its id. */
	public String create(FollowUp followUp) {
		Customer customer = customers.require(followUp.customerRef(), "customerRef");
		Route route = routing.route(followUp.taskType(), customer);
		String group = followUp.forLeadGroup() ? route.leadGroup() : route.candidateGroup();
		if (group == null) {
			throw new IllegalStateException("The routing table gives task type '" + followUp.taskType()
					+ "' no lead group to send this task to");
		}
		Duration sla = followUp.forLeadGroup() && route.leadSla() != null ? route.leadSla() : route.sla();
		Instant now = clock.instant();
		Instant due = followUp.due() != null ? followUp.due() : now.plus(sla);
		String taskId = asEngine.call(() -> {
			Task task = taskService.newTask();
			task.setName(followUp.title());
			task.setDescription(describe(customer, followUp.description()));
			task.setDueDate(Date.from(due));
			taskService.saveTask(task);
			taskService.addCandidateGroup(task.getId(), group);
			taskService.setVariablesLocal(task.getId(), variables(customer, followUp));
			return task.getId();
		});
		routedTasks.record(taskId, customer.getId(), followUp.taskType(), group,
				followUp.forLeadGroup() ? null : route.leadGroup(), followUp.forLeadGroup(), now);
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.TASK_CREATED, "Task '" + followUp.title()
				+ "' created for " + group + ", due " + TaskAssignments.DUE.format(due))
			.processInstance(followUp.sourceProcessInstanceId())
			.reference(taskId));
		return taskId;
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
			if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
				taskService.deleteTask(taskId, reason);
			}
		});
	}

	private static Map<String, Object> variables(Customer customer, FollowUp followUp) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(CUSTOMER_REF, customer.getExternalRef());
		variables.put("customerName", customer.getName());
		variables.put(TaskTypes.PROPERTY, followUp.taskType());
		if (followUp.sourceProcessInstanceId() != null) {
			variables.put("sourceProcessInstanceId", followUp.sourceProcessInstanceId());
		}
		return variables;
	}

	private static String describe(Customer customer, String description) {
		BigDecimal value = customer.getAnnualValue();
		String context = "Customer: " + customer.getName() + " (" + customer.getExternalRef() + "), " + customer.getTier()
				+ " tier, annual value " + value.toPlainString() + ", stage " + customer.getStage().value() + ", "
				+ customer.getEmail() + ", time zone " + customer.getTimeZone() + ".";
		return description == null || description.isBlank() ? context : description.strip() + "\n\n" + context;
	}

}
