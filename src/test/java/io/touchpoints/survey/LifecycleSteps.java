package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import io.touchpoints.process.ModelNames;
import io.touchpoints.support.Api;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/**
 * Moves a customer through their lifecycle the way the tests of the survey moments need it. A plain helper, not a
 * bean: an imported bean would give its tests a Spring context (and an engine) of their own.
 */
class LifecycleSteps {

	private final Api api;

	private final TestUsers users;

	private final Jobs jobs;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	LifecycleSteps(Api api, TestUsers users, Jobs jobs, RuntimeService runtimeService, TaskService taskService) {
		this.api = api;
		this.users = users;
		this.jobs = jobs;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	/** The kickoff call held, setup verified and training done: the customer is in adoption. */
	void completeOnboarding(String ref, String onboarding) {
		jobs.executeAll(onboarding);
		Task kickoff = taskService.createTaskQuery().processInstanceId(onboarding).taskDefinitionKey("UserTask_KickoffCall")
			.singleResult();
		taskService.complete(kickoff.getId(), Map.of("callDate", "2026-11-24", "migrationNeeded", false));
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(
				UsageEvents.milestone(ref, "technical-setup-verified", EngineTime.now()),
				UsageEvents.milestone(ref, "training-completed", EngineTime.now())));
		jobs.executeAll(onboarding);
		assertThat(stageOf(ref)).isEqualTo("adoption");
	}

	/** The first 90 days run out (their reviews done): the customer is in engagement and the day-90 NPS is due. */
	void passDay90(String ref) {
		ProcessInstance firstNinetyDays = runtimeService.createProcessInstanceQuery().processDefinitionKey("proactive-support")
			.processInstanceBusinessKey(ref).singleResult();
		jobs.executeAll(firstNinetyDays.getId());
		for (Duration wait : List.of(Duration.ofDays(16), Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(14))) {
			EngineTime.advance(wait);
			jobs.executeAll(firstNinetyDays.getId());
		}
		for (Task review : taskService.createTaskQuery().processInstanceId(firstNinetyDays.getId()).list()) {
			taskService.complete(review.getId());
		}
		jobs.executeAll(lifecycleOf(ref).getId());
	}

	ProcessInstance lifecycleOf(String ref) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE)
			.processInstanceBusinessKey(ref).singleResult();
	}

	List<ProcessInstance> dispatchesOf(String ref, String kind) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(SurveyProcess.DISPATCH)
			.processInstanceBusinessKey(ref).variableValueEquals(SurveyProcess.KIND, kind).list();
	}

	String stageOf(String ref) {
		return api.get(users.integration(), "/api/customers/" + ref).getBody().get("stage").asText();
	}

}
