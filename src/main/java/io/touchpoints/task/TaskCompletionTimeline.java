package io.touchpoints.task;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Writes "task completed" to the customer's timeline, with who completed it and the {@code outcome} variable
 * when the completer set one. Listens to the engine's history events, so journey tasks and standalone tasks alike
 * are covered, in the transaction that completes them.
 */
class TaskCompletionTimeline implements HistoryEventHandler {

	static final String OUTCOME = "outcome";

	private final RoutedTasks routedTasks;

	private final Timeline timeline;

	TaskCompletionTimeline(RoutedTasks routedTasks, Timeline timeline) {
		this.routedTasks = routedTasks;
		this.timeline = timeline;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		// Deleting a task ends it with the same event type as completing it; only the delete reason tells them apart.
		if (!(event instanceof HistoricTaskInstanceEventEntity task)
				|| !HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(task.getEventType())
				|| !TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason())) {
			return;
		}
		routedTasks.find(task.getTaskId()).filter(routed -> routed.customerId() != null).ifPresent(routed -> {
			String who = task.getAssignee() != null ? task.getAssignee()
					: Context.getCommandContext().getAuthenticatedUserId();
			Object outcome = outcomeOf(task.getTaskId());
			timeline.record(Timeline.Entry.of(routed.customerId(), TimelineKind.TASK_COMPLETED,
					"Task '" + task.getName() + "' completed" + (who == null ? "" : " by " + who))
				.detail(outcome == null ? null : "Outcome: " + outcome)
				.actor(who)
				.processInstance(task.getProcessInstanceId())
				.reference(task.getTaskId()));
		});
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	private static Object outcomeOf(String taskId) {
		TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
		return task == null ? null : task.getVariable(OUTCOME);
	}

}
