package io.touchpoints.task;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.touchpoints.customer.Customer;

/**
 * Who the customer of a task is, as task variables its form shows (read-only): so the person working it knows whom
 * they deal with, in which language, and what time it is for the customer, without looking anything up.
 */
final class CustomerContext {

	static final String REASON = "taskReason";

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private CustomerContext() {
	}

	/** The task's variables for the customer, their local time taken at {@code now}. */
	static Map<String, Object> of(Customer customer, Instant now) {
		ZoneId zone = ZoneId.of(customer.getTimeZone());
		ZonedDateTime local = now.atZone(zone);
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("customerRef", customer.getExternalRef());
		variables.put("customerName", customer.getName());
		variables.put("customerEmail", customer.getEmail());
		variables.put("customerLanguage", Locale.forLanguageTag(customer.getLocale()).getDisplayName(Locale.ENGLISH)
				+ " (" + customer.getLocale() + ")");
		variables.put("customerTimeZone", zone.getId() + " (UTC" + local.getOffset().getId().replace("Z", "+00:00") + ")");
		variables.put("customerLocalTime", LOCAL_TIME.format(local) + " when this task was created");
		variables.put("customerTier", customer.getTier() == null ? "" : customer.getTier());
		variables.put("customerAnnualValue", customer.getAnnualValue() == null ? ""
				: NumberFormat.getNumberInstance(Locale.ENGLISH).format(customer.getAnnualValue()));
		variables.put("customerStage", customer.getStage().value());
		return variables;
	}

}
