package io.touchpoints.survey;

import java.time.Instant;

/** A survey sent to a customer; its links name its {@code id}. */
record SurveyInvitation(String id, long customerId, SurveyKind kind, String stage, String processInstanceId,
		Instant invitedAt, Instant expiresAt, Instant remindedAt) {

	boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

}
