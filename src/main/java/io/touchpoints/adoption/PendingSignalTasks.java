package io.touchpoints.adoption;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.Subscriptions;
import io.touchpoints.task.FollowUp;
import io.touchpoints.task.FollowUpTasks;

/**
 * Creates the CSM tasks of recorded adoption signals, after the evaluation that recorded them: each in a transaction
 * of its own that sets the signal's task, under the signal row's lock, so a task is created once whichever node gets
 * there first, and one that fails (or a node that stops) leaves its signal for the next run. A signal of a customer
 * who churned meanwhile is closed without a task ({@value #NO_TASK}).
 */
@Component
public class PendingSignalTasks {

	/** The task of a signal that needs none any more: the customer has no active subscription left. */
	static final String NO_TASK = "none: churned";

	/** Tasks per background pass: the scheduler thread is shared with the other sweeps (compaction every 10 s). */
	private static final int PER_PASS = 100;

	private static final Logger log = LoggerFactory.getLogger(PendingSignalTasks.class);

	private final JdbcTemplate jdbc;

	private final CustomerRegistry customers;

	private final Subscriptions subscriptions;

	private final FollowUpTasks tasks;

	private final TransactionTemplate transaction;

	private final TaskScheduler background;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean requested = new AtomicBoolean();

	PendingSignalTasks(JdbcTemplate jdbc, CustomerRegistry customers, Subscriptions subscriptions, FollowUpTasks tasks,
			PlatformTransactionManager transactions, @Qualifier("taskScheduler") TaskScheduler background) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.tasks = tasks;
		this.transaction = new TransactionTemplate(transactions);
		this.background = background;
	}

	/** How many recorded signals have no task yet. */
	public long pending() {
		return jdbc.queryForObject("select count(*) from adoption_signal where task_id is null", Long.class);
	}

	/** Creates every pending task now, on this thread; answers how many it created. */
	public int createAll() {
		int created = 0;
		for (int pass = createSome(PER_PASS); pass > 0; pass = createSome(PER_PASS)) {
			created += pass;
		}
		return created;
	}

	/**
	 * Creates the pending tasks on a scheduler thread, {@value #PER_PASS} per pass so the other sweeps get their turn
	 * in between: scheduler threads have their database connections in the budget (decision 12), request threads keep
	 * theirs for requests. A request while a pass runs is never lost: the pass looks again when it ends.
	 */
	void createAllInBackground() {
		requested.set(true);
		if (!running.compareAndSet(false, true)) {
			return;
		}
		try {
			background.schedule(this::backgroundPass, Instant.now());
		}
		catch (RuntimeException e) {
			running.set(false);
			log.warn("Adoption signal tasks could not be scheduled; the evaluation schedule creates them", e);
		}
	}

	private void backgroundPass() {
		int created = 0;
		try {
			requested.set(false);
			created = createSome(PER_PASS);
		}
		finally {
			running.set(false);
		}
		if (created > 0 || requested.get()) {
			createAllInBackground();
		}
	}

	/** Creates up to {@code most} pending tasks, oldest signal first; answers how many it created. */
	private int createSome(int most) {
		int created = 0;
		for (long id : jdbc.queryForList("select id from adoption_signal where task_id is null order by id fetch first ? rows only",
				Long.class, most)) {
			try {
				created += Boolean.TRUE.equals(transaction.execute(status -> createOnce(id))) ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.warn("The task of adoption signal {} could not be created; the next run tries again", id, e);
			}
		}
		return created;
	}

	private boolean createOnce(long id) {
		List<Map<String, Object>> pending = jdbc.queryForList("""
				select customer_id, signal, evidence, task_title, task_reason from adoption_signal
				where id = ? and task_id is null for update""", id);
		if (pending.isEmpty()) {
			return false; // another node created it meanwhile
		}
		Map<String, Object> signal = pending.get(0);
		long customerId = ((Number) signal.get("customer_id")).longValue();
		if (subscriptions.firstActiveStart(customerId).isEmpty()) {
			jdbc.update("update adoption_signal set task_id = ? where id = ?", NO_TASK, id);
			return false;
		}
		String customerRef = customers.findById(customerId).orElseThrow().getExternalRef();
		String taskId = tasks.create(FollowUp
			.of(customerRef, AdoptionEvaluation.TASK_TYPE, (String) signal.get("task_title"),
					(String) signal.get("task_reason"))
			.withForm(AdoptionEvaluation.TASK_TYPE)
			.withDetails(Map.of("adoptionSignal", signal.get("signal"), "signalEvidence", signal.get("evidence"))));
		jdbc.update("update adoption_signal set task_id = ? where id = ?", taskId, id);
		return true;
	}

}
