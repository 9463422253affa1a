package io.touchpoints.survey;

import java.time.Instant;

/** The one answer to an invitation: the latest score the customer chose, and their comment if they left one. */
record SurveyResponse(String invitationId, int score, String comment, Instant answeredAt, Instant updatedAt) {
}
