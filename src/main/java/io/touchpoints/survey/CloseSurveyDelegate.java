package io.touchpoints.survey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.timeline.Timeline;

/**
 * Closes the survey when its links expire: sets {@code surveyAnswered} (and {@code surveyScore}) from the
 * recorded response, which is the truth even when the answer's message never reached the journey, and writes an
 * unanswered survey on the customer's timeline.
 */
@ModelBean
@Component("closeSurveyDelegate")
class CloseSurveyDelegate implements JavaDelegate {

	private final Surveys surveys;

	private final Timeline timeline;

	CloseSurveyDelegate(Surveys surveys, Timeline timeline) {
		this.surveys = surveys;
		this.timeline = timeline;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String invitationId = (String) execution.getVariable(SurveyProcess.INVITATION);
		// Locked: an answer being recorded right now is either committed before this reads or waits for the close.
		SurveyInvitation invitation = surveys.lock(invitationId)
			.orElseThrow(() -> new IllegalStateException("Survey invitation '" + invitationId + "' is not recorded"));
		var response = surveys.response(invitationId);
		execution.setVariable(SurveyProcess.ANSWERED, response.isPresent());
		execution.setVariable(SurveyProcess.SCORE, response.map(SurveyResponse::score).orElse(null));
		if (response.isEmpty()) {
			timeline.record(Timeline.Entry.of(invitation.customerId(), SurveyProcess.TIMELINE_CLOSED,
					"Survey '" + invitation.kind().value() + "' closed without an answer")
				.processInstance(execution.getProcessInstanceId()));
		}
	}

}
