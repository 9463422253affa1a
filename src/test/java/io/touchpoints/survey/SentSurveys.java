package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import io.touchpoints.support.Jobs;

/** Starts the survey model for a customer as the lifecycle's call does, and runs its jobs as far as they go. */
final class SentSurveys {

	private SentSurveys() {
	}

	static ProcessInstance start(RuntimeService runtimeService, Jobs jobs, String ref, String kind) {
		ProcessInstance survey = runtimeService.startProcessInstanceByKey(SurveyProcess.DISPATCH, ref,
				Map.of("customerRef", ref, SurveyProcess.KIND, kind));
		jobs.executeAll(survey.getId());
		return survey;
	}

	/** The invitation a survey sent; fails when its email did not go out. */
	static String invitationOf(RuntimeService runtimeService, ProcessInstance survey) {
		String invitation = (String) runtimeService.getVariable(survey.getId(), SurveyProcess.INVITATION);
		assertThat(invitation).as("the survey was sent").isNotNull();
		return invitation;
	}

}
