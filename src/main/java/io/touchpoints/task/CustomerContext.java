package io.touchpoints.task;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import io.touchpoints.customer.Customer;

/**
 * Who the customer of a task is, as variables its form shows (read-only): so the person working it knows whom they
 * deal with, in which language, and what time it is for the customer, without looking anything up.
 * <p>
 * The customer's details are variables of the task's process instance, which every task of that journey shares and
 * each new task brings up to date, writing only what changed. As task variables they were written with every task
 * and deleted with it again: ten rows deleted in the transaction that ends a task, the milestone correlation's among
 * them (docs/benchmarks.md). Task variables are only what is the task's own (the customer's local time when it was
 * created) and the customer's name, which Tasklist's list shows: it reads the list's variables with the task's
 * permissions for task variables, and with process-instance permissions, which support staff and CSMs do not hold,
 * for the others.
 */
final class CustomerContext {

	static final String REASON = "taskReason";

	static final String NAME = "customerName";

	static final String LOCAL_TIME = "customerLocalTime";

	private static final DateTimeFormatter LOCAL_TIME_FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
			Locale.ENGLISH);

	private CustomerContext() {
	}

	/** Shows the customer on the task: their details on its process instance, their local time on the task. */
	static void show(DelegateTask task, Customer customer, Instant now) {
		DelegateExecution instance = task.getExecution().getProcessInstance();
		detailsOf(customer, now).forEach((name, value) -> {
			if (!Objects.equals(instance.getVariableLocal(name), value)) {
				instance.setVariableLocal(name, value);
			}
		});
		task.setVariableLocal(NAME, customer.getName());
		task.setVariableLocal(LOCAL_TIME, LOCAL_TIME_FORMAT.format(now.atZone(ZoneId.of(customer.getTimeZone())))
				+ " when this task was created");
	}

	/** The customer's details as the forms show them; the time zone's offset is the one at {@code now}. */
	private static Map<String, Object> detailsOf(Customer customer, Instant now) {
		ZoneId zone = ZoneId.of(customer.getTimeZone());
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("customerRef", customer.getExternalRef());
		variables.put(NAME, customer.getName());
		variables.put("customerEmail", customer.getEmail());
		variables.put("customerLanguage", Locale.forLanguageTag(customer.getLocale()).getDisplayName(Locale.ENGLISH)
				+ " (" + customer.getLocale() + ")");
		variables.put("customerTimeZone", zone.getId() + " (UTC"
				+ now.atZone(zone).getOffset().getId().replace("Z", "+00:00") + ")");
		variables.put("customerTier", customer.getTier() == null ? "" : customer.getTier());
		variables.put("customerAnnualValue", customer.getAnnualValue() == null ? ""
				: NumberFormat.getNumberInstance(Locale.ENGLISH).format(customer.getAnnualValue()));
		variables.put("customerStage", customer.getStage().value());
		return variables;
	}

}
