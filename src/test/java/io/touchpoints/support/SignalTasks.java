package io.touchpoints.support;

import org.camunda.bpm.engine.RuntimeService;

/**
 * The adoption evaluation flags every quiet customer of the suite, not only a test's own; their tasks would crowd
 * Tasklist for later tests, so a test that evaluates removes them afterwards.
 */
public final class SignalTasks {

	private SignalTasks() {
	}

	public static void removeAll(RuntimeService runtimeService) {
		runtimeService.createProcessInstanceQuery().processDefinitionKey("follow-up-task")
			.variableValueEquals("taskType", "adoption-signal").list()
			.forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test cleanup"));
	}

}
