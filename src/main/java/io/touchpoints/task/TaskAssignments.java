package io.touchpoints.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Routes the user tasks of journeys as the engine creates them: candidate group and due date from the routing
 * table (a due date the model sets itself wins), the task recorded for escalation and on the customer's timeline.
 */
@Service
class TaskAssignments {

	static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final TaskRouting routing;

	private final CustomerRegistry customers;

	private final RoutedTasks routedTasks;

	private final Timeline timeline;

	private final Clock clock;

	TaskAssignments(TaskRouting routing, CustomerRegistry customers, RoutedTasks routedTasks, Timeline timeline,
			Clock clock) {
		this.routing = routing;
		this.customers = customers;
		this.routedTasks = routedTasks;
		this.timeline = timeline;
		this.clock = clock;
	}

	void routeJourneyTask(DelegateTask task, String taskType, RouteTo routeTo) {
		Optional<Customer> customer = Optional.ofNullable(task.getExecution().getProcessBusinessKey())
			.flatMap(customers::find);
		Route route = routing.route(taskType, customer.orElse(null));
		boolean toLead = routeTo == RouteTo.LEAD_GROUP;
		String group = toLead ? route.leadGroup() : route.candidateGroup();
		if (group == null) {
			throw new IllegalStateException("The routing table gives task type '" + taskType
					+ "' no lead group to send the task '" + task.getName() + "' to");
		}
		Instant now = clock.instant();
		task.addCandidateGroup(group);
		if (task.getDueDate() == null) {
			task.setDueDate(Date.from(now.plus(toLead && route.leadSla() != null ? route.leadSla() : route.sla())));
		}
		task.setVariableLocal(TaskTypes.PROPERTY, taskType);
		customer.ifPresent(known -> CustomerContext.show(task, known, now));
		task.setVariableLocal(CustomerContext.REASON, reasonFor(task));
		Long customerId = customer.map(Customer::getId).orElse(null);
		routedTasks.record(task.getId(), customerId, taskType, group, toLead ? null : route.leadGroup(), toLead, now);
		if (customerId != null) {
			timeline.record(Timeline.Entry.of(customerId, TimelineKind.TASK_CREATED, "Task '" + task.getName()
					+ "' created for " + group + ", due " + DUE.format(task.getDueDate().toInstant()))
				.processInstance(task.getProcessInstanceId())
				.reference(task.getId()));
		}
	}

	/** Why the task exists: the documentation the model gives the user task (its description), else its name. */
	private static String reasonFor(DelegateTask task) {
		String description = task.getDescription();
		return description == null || description.isBlank() ? task.getName() : description.strip();
	}

}
