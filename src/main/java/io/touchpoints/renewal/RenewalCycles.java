package io.touchpoints.renewal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Subscription;
import io.touchpoints.process.ModelNames;
import io.touchpoints.process.ProcessVariables;
import io.touchpoints.system.AsEngine;

/**
 * The renewal journey of each active subscription, one cycle per renewal date: started with the subscription and
 * again with each renewal (the next cycle runs the model deployed by then), ended by a renewal or a cancellation.
 * {@code renewal_cycle} says which instance is a subscription's current cycle; its row is claimed before the journey
 * starts, so a cycle starts once even when two nodes try.
 */
@Component
class RenewalCycles {

	private final JdbcTemplate jdbc;

	private final RuntimeService runtimeService;

	private final AsEngine asEngine;

	private final Clock clock;

	RenewalCycles(JdbcTemplate jdbc, @Lazy RuntimeService runtimeService, AsEngine asEngine, Clock clock) {
		this.jdbc = jdbc;
		this.runtimeService = runtimeService;
		this.asEngine = asEngine;
		this.clock = clock;
	}

	/** Starts the subscription's first cycle; nothing when it has one. */
	void startFirst(Subscription subscription, String customerRef, String customerName) {
		int claimed = jdbc.update("insert into renewal_cycle (subscription_id, cycle, started_at) select ?, 1, ? "
				+ "where not exists (select 1 from renewal_cycle where subscription_id = ?)", subscription.getId(),
				Timestamp.from(clock.instant()), subscription.getId());
		if (claimed == 1) {
			start(subscription, customerRef, customerName, 1, termOf(subscription));
		}
	}

	/** Ends the current cycle with a renewal and starts the next, for the term that begins on {@code termStartedOn}. */
	void startNext(Subscription subscription, String customerRef, String customerName, LocalDate termStartedOn) {
		Optional<Integer> current = jdbc.query("select cycle from renewal_cycle where subscription_id = ? for update",
				rs -> rs.next() ? Optional.of(rs.getInt(1)) : Optional.<Integer>empty(), subscription.getId());
		end(subscription.getPurchaseId(), ModelNames.RENEWAL_REPORTED);
		int next = current.orElse(0) + 1;
		if (current.isPresent()) {
			jdbc.update("update renewal_cycle set cycle = ?, process_instance_id = null, started_at = ? "
					+ "where subscription_id = ?", next, Timestamp.from(clock.instant()), subscription.getId());
		}
		else {
			jdbc.update("insert into renewal_cycle (subscription_id, cycle, started_at) values (?, ?, ?)",
					subscription.getId(), next, Timestamp.from(clock.instant()));
		}
		start(subscription, customerRef, customerName, next, termStartedOn);
	}

	/**
	 * Starts the subscription's current cycle again (its renewal date moved after the cycle had reached its end): the
	 * cycle keeps its number, the instance that ran is deleted with the reason, its open task with it.
	 */
	void restart(Subscription subscription, String customerRef, String customerName) {
		Integer cycle = jdbc.query("select cycle from renewal_cycle where subscription_id = ? for update",
				rs -> rs.next() ? rs.getInt(1) : null, subscription.getId());
		current(subscription.getPurchaseId()).ifPresent(processInstanceId -> asEngine.run(() -> runtimeService
			.deleteProcessInstance(processInstanceId, "The renewal date moved to " + subscription.getRenewalDate()
					+ ": the renewal cycle starts again towards it")));
		if (cycle == null) {
			startFirst(subscription, customerRef, customerName);
			return;
		}
		jdbc.update("update renewal_cycle set process_instance_id = null, started_at = ? where subscription_id = ?",
				Timestamp.from(clock.instant()), subscription.getId());
		start(subscription, customerRef, customerName, cycle, termOf(subscription));
	}

	/** A term as billing sells them: a year up to the renewal date, or less when the subscription started later. */
	private static LocalDate termOf(Subscription subscription) {
		LocalDate yearBefore = subscription.getRenewalDate().minusYears(1);
		return subscription.getStartDate().isAfter(yearBefore) ? subscription.getStartDate() : yearBefore;
	}

	/** Ends the subscription's current cycle, if one runs, with this message (renewal reported, or cancellation). */
	void end(String purchaseId, String message) {
		current(purchaseId).ifPresent(processInstanceId -> asEngine.run(() -> runtimeService
			.createMessageCorrelation(message)
			.processInstanceId(processInstanceId)
			.correlateAllWithResult()));
	}

	/** The process instance of the subscription's current cycle, while it runs. */
	Optional<String> current(String purchaseId) {
		return jdbc.query("select c.process_instance_id from renewal_cycle c join subscription s on s.id = c.subscription_id "
				+ "where s.purchase_id = ? and c.process_instance_id is not null",
				rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), purchaseId)
			.filter(id -> asEngine.call(() -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count()) > 0);
	}

	private void start(Subscription subscription, String customerRef, String customerName, int cycle,
			LocalDate termStartedOn) {
		String processInstanceId = asEngine.call(() -> runtimeService.createProcessInstanceByKey(ModelNames.RENEWAL)
			.businessKey(customerRef)
			.setVariables(Map.of(ProcessVariables.CUSTOMER_REF, customerRef, ProcessVariables.CUSTOMER_NAME, customerName,
					ProcessVariables.PURCHASE_ID, subscription.getPurchaseId(), ProcessVariables.PLAN, subscription.getPlan(),
					ProcessVariables.TERM_STARTED_ON, termStartedOn.toString(), ProcessVariables.RENEWAL_CYCLE, cycle,
					ProcessVariables.RENEWAL_DATE, subscription.getRenewalDate().toString(),
					ProcessVariables.CYCLE_STARTED_AT, Date.from(clock.instant())))
			.execute()
			.getId());
		jdbc.update("update renewal_cycle set process_instance_id = ? where subscription_id = ?", processInstanceId,
				subscription.getId());
	}

}
