package io.touchpoints.task;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.system.AsEngine;
import io.touchpoints.system.TouchpointsProperties;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Escalates overdue tasks: for each open task past its due date, once, starts the {@code task-escalation} journey,
 * which gives the lead group a task of its own and emails the group. The original task stays open. Every node
 * sweeps; marking the task escalated decides which node's sweep wins.
 */
@Service
public class TaskEscalations {

	public static final String PROCESS_KEY = "task-escalation";

	private static final Logger log = LoggerFactory.getLogger(TaskEscalations.class);

	private static final int BATCH = 100;

	private final RoutedTasks routedTasks;

	private final CustomerRegistry customers;

	private final RuntimeService runtimeService;

	private final Timeline timeline;

	private final AsEngine asEngine;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String tasklist;

	TaskEscalations(RoutedTasks routedTasks, CustomerRegistry customers, @Lazy RuntimeService runtimeService,
			Timeline timeline, AsEngine asEngine, PlatformTransactionManager transactions, Clock clock,
			TouchpointsProperties properties) {
		this.routedTasks = routedTasks;
		this.customers = customers;
		this.runtimeService = runtimeService;
		this.timeline = timeline;
		this.asEngine = asEngine;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.tasklist = properties.tasklistUrl() + "#/?task=";
	}

	/** Escalates every task that is overdue now; returns how many this call escalated. */
	public int sweep() {
		Instant now = clock.instant();
		int escalated = 0;
		for (RoutedTasks.Overdue task : routedTasks.overdue(now, BATCH)) {
			if (Boolean.TRUE.equals(transaction.execute(status -> escalate(task, now)))) {
				escalated++;
			}
		}
		if (escalated > 0) {
			log.info("Escalated {} overdue task(s)", escalated);
		}
		return escalated;
	}

	private boolean escalate(RoutedTasks.Overdue task, Instant now) {
		if (!routedTasks.markEscalated(task.taskId(), now)) {
			return false;
		}
		Customer customer = task.customerId() == null ? null
				: customers.findById(task.customerId()).orElse(null);
		Map<String, Object> variables = new HashMap<>();
		variables.put("escalatedTaskId", task.taskId());
		variables.put("escalatedTaskType", task.taskType());
		variables.put("leadGroup", task.leadGroup());
		variables.put("taskName", task.name());
		variables.put("taskDueDate", TaskAssignments.DUE.format(task.dueDate()));
		variables.put("taskCandidateGroup", task.candidateGroup());
		variables.put("taskLink", tasklist + task.taskId());
		variables.put("taskCustomerName", customer == null ? "(no customer)" : customer.getName());
		String processInstanceId = asEngine.call(() -> runtimeService.createProcessInstanceByKey(PROCESS_KEY)
			.businessKey(customer == null ? null : customer.getExternalRef())
			.setVariables(variables)
			.execute()
			.getId());
		if (customer != null) {
			timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.TASK_ESCALATED, "Task '" + task.name()
					+ "' overdue since " + TaskAssignments.DUE.format(task.dueDate()) + ": escalated to " + task.leadGroup())
				.processInstance(processInstanceId)
				.reference(task.taskId()));
		}
		return true;
	}

}
