package io.touchpoints.task;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.timeline.Timeline;

/** Installs task routing into the engine: the listener on every user task and the completion timeline. */
@Component
class TaskRoutingPlugin extends AbstractProcessEnginePlugin {

	private final TaskAssignments assignments;

	private final RoutedTasks routedTasks;

	private final Timeline timeline;

	TaskRoutingPlugin(@Lazy TaskAssignments assignments, RoutedTasks routedTasks, Timeline timeline) {
		this.assignments = assignments;
		this.routedTasks = routedTasks;
		this.timeline = timeline;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new RoutingParseListener(assignments));
		if (configuration.getCustomHistoryEventHandlers() == null) {
			configuration.setCustomHistoryEventHandlers(new ArrayList<>());
		}
		configuration.getCustomHistoryEventHandlers().add(new TaskCompletionTimeline(routedTasks, timeline));
	}

}
