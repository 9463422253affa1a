package io.touchpoints.survey;

/** Names the survey models and this package share (see {@code processes/README.md}); renaming one breaks models. */
final class SurveyProcess {

	static final String DISPATCH = "survey-dispatch";

	/** The survey to send: one of {@link SurveyKind}'s names. Set by the calling model. */
	static final String KIND = "surveyKind";

	/** The invitation the dispatch sent, whose links the reminder repeats. */
	static final String INVITATION = "surveyInvitation";

	/** When the invitation's links stop working; the dispatch's last timer waits for it. */
	static final String EXPIRES_AT = "surveyExpiresAt";

	/** Whether the invitation went out (false: the email was skipped after the rules said send). */
	static final String SENT = "surveySent";

	/** Whether the customer answered; the score they gave is {@link #SCORE}. */
	static final String ANSWERED = "surveyAnswered";

	static final String SCORE = "surveyScore";

	/** The customer's comment as it stands ({@link #HAS_COMMENT}: whether there is one). */
	static final String COMMENT = "surveyComment";

	static final String HAS_COMMENT = "hasComment";

	/** Correlated to the dispatch when an answer is recorded. */
	static final String ANSWERED_MESSAGE = "SurveyAnswered";

	/** Timeline entry kinds. */
	static final String TIMELINE_SKIPPED = "survey.skipped";

	static final String TIMELINE_ANSWERED = "survey.answered";

	static final String TIMELINE_CLOSED = "survey.closed";

	static final String TIMELINE_CALLED_BACK = "survey.called-back";

	private SurveyProcess() {
	}

	static SurveyKind kindOf(Object value) {
		return SurveyKind.of(value == null ? null : value.toString())
			.orElseThrow(() -> new IllegalArgumentException("Variable '" + KIND + "' must be one of " + SurveyKind.names()
					+ ", not '" + value + "'"));
	}

}
