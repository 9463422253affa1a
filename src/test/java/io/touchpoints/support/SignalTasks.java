package io.touchpoints.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;

import io.touchpoints.adoption.PendingSignalTasks;

/**
 * The adoption evaluation flags every quiet customer of the suite, not only a test's own, and creates their tasks
 * after it answers; a test that evaluates waits for them, and removes them afterwards so they do not crowd Tasklist
 * for later tests.
 */
public final class SignalTasks {

	private SignalTasks() {
	}

	/** Waits until every recorded signal has its task. */
	public static void awaitCreated(PendingSignalTasks pending) {
		await().atMost(Duration.ofSeconds(60)).until(() -> pending.pending() == 0);
	}

	public static void removeAll(RuntimeService runtimeService, PendingSignalTasks pending) {
		awaitCreated(pending);
		runtimeService.createProcessInstanceQuery().processDefinitionKey("follow-up-task")
			.variableValueEquals("taskType", "adoption-signal").list()
			.forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test cleanup"));
	}

}
