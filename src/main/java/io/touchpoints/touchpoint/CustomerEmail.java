package io.touchpoints.touchpoint;

import java.util.List;
import java.util.Map;

/**
 * A request to email a customer from a template. {@code idempotencyKey} identifies the touchpoint: the same key
 * is sent at most once. {@code values} adds template variables beyond the customer's own (a check-in's date,
 * say); {@code processVariables} feeds {@code {{process.*}}}.
 */
public record CustomerEmail(String customerRef, String templateId, String idempotencyKey, OnCap onCap,
		String processInstanceId, Map<String, Object> processVariables, Map<String, String> values,
		List<Attachment> attachments) {

	public static CustomerEmail of(String customerRef, String templateId, String idempotencyKey) {
		return new CustomerEmail(customerRef, templateId, idempotencyKey, OnCap.DEFER, null, Map.of(), Map.of(), List.of());
	}

	public CustomerEmail fromProcess(String processInstanceId, Map<String, Object> processVariables) {
		return new CustomerEmail(customerRef, templateId, idempotencyKey, onCap, processInstanceId, processVariables,
				values, attachments);
	}

	public CustomerEmail onCap(OnCap onCap) {
		return new CustomerEmail(customerRef, templateId, idempotencyKey, onCap, processInstanceId, processVariables,
				values, attachments);
	}

	public CustomerEmail with(Map<String, String> values, List<Attachment> attachments) {
		return new CustomerEmail(customerRef, templateId, idempotencyKey, onCap, processInstanceId, processVariables,
				values, attachments);
	}

}
