package io.touchpoints.touchpoint;

import java.time.ZoneId;

/**
 * One email touchpoint: who gets which template, under which idempotency key, and what to do when the
 * customer's frequency cap is reached. {@code customerId} and {@code zone} are null for internal emails.
 */
record Touchpoint(String idempotencyKey, Long customerId, ZoneId zone, String templateId, EmailCategory category,
		OnCap onCap, String processInstanceId, OutgoingEmail email) {
}
