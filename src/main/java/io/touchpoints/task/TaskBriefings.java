package io.touchpoints.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.process.ModelNames;
import io.touchpoints.system.AsEngine;

/**
 * Gathers the {@link TaskBriefing}s for a task when it is created, and renews them once on the day an open task
 * falls due (or later, while it stays open). {@value #BRIEFED_ON} marks the day a task's briefing was taken.
 */
@Service
public class TaskBriefings {

	static final String BRIEFED_ON = "briefedOn";

	private static final Logger log = LoggerFactory.getLogger(TaskBriefings.class);

	private static final int PAGE = 200;

	private final ObjectProvider<TaskBriefing> briefings;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final CustomerRegistry customers;

	private final AsEngine asEngine;

	private final Clock clock;

	TaskBriefings(ObjectProvider<TaskBriefing> briefings, @Lazy TaskService taskService,
			@Lazy RuntimeService runtimeService, CustomerRegistry customers, AsEngine asEngine, Clock clock) {
		this.briefings = briefings;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.customers = customers;
		this.asEngine = asEngine;
		this.clock = clock;
	}

	/** Every briefing's variables for a new task, with the day they were taken; empty when none has any. */
	Map<String, Object> forNewTask(String taskType, Customer customer) {
		Map<String, Object> variables = briefingsFor(taskType, customer);
		if (!variables.isEmpty()) {
			variables.put(BRIEFED_ON, today());
		}
		return variables;
	}

	/** What every briefing gives; one that fails leaves its figures out rather than the task or the others. */
	private Map<String, Object> briefingsFor(String taskType, Customer customer) {
		Map<String, Object> variables = new HashMap<>();
		briefings.orderedStream().forEach(briefing -> {
			try {
				variables.putAll(briefing.briefFor(taskType, customer));
			}
			catch (RuntimeException e) {
				log.warn("Briefing {} for a '{}' task of customer {} failed; the task shows the rest",
						briefing.getClass().getSimpleName(), taskType, customer.getExternalRef(), e);
			}
		});
		return variables;
	}

	/**
	 * Renews the briefing of every open follow-up task due within the next 24 hours (or overdue) that was not briefed
	 * today (UTC): once a day per task, and before the call wherever the customer is. Answers how many were renewed.
	 */
	public int renewDue() {
		String today = today();
		Date withinADay = Date.from(clock.instant().plus(Duration.ofDays(1)));
		int renewed = 0;
		List<Task> stale;
		do {
			stale = asEngine.call(() -> taskService.createTaskQuery()
				.processDefinitionKey(ModelNames.FOLLOW_UP_TASK)
				.dueBefore(withinADay)
				.processVariableValueNotEquals(BRIEFED_ON, today)
				.orderByTaskId()
				.asc()
				.listPage(0, PAGE));
			int renewedNow = 0;
			for (Task task : stale) {
				renewedNow += renew(task, today) ? 1 : 0;
			}
			renewed += renewedNow;
			if (renewedNow == 0) {
				break;
			}
		}
		while (stale.size() == PAGE);
		return renewed;
	}

	private boolean renew(Task task, String today) {
		try {
			return asEngine.call(() -> {
				Map<String, Object> current = runtimeService.getVariables(task.getProcessInstanceId(),
						List.of(FollowUpTasks.CUSTOMER_REF, TaskTypes.PROPERTY));
				Customer customer = customers.find((String) current.get(FollowUpTasks.CUSTOMER_REF)).orElse(null);
				Map<String, Object> variables = customer == null ? new HashMap<>()
						: briefingsFor((String) current.get(TaskTypes.PROPERTY), customer);
				variables.put(BRIEFED_ON, today);
				runtimeService.setVariables(task.getProcessInstanceId(), variables);
				return true;
			});
		}
		catch (OptimisticLockingException another) {
			// Another node renewed it, or the task was completed meanwhile: either way there is nothing left to do.
			log.debug("Briefing of task {} not renewed: {}", task.getId(), another.getMessage());
			return false;
		}
		catch (RuntimeException e) {
			// Completed or cancelled between the query and now, or the engine refused: the next run looks again.
			log.info("Briefing of task {} not renewed: {}", task.getId(), e.getMessage());
			return false;
		}
	}

	private String today() {
		Instant now = clock.instant();
		return now.atZone(ZoneOffset.UTC).toLocalDate().toString();
	}

}
