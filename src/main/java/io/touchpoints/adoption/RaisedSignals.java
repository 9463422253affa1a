package io.touchpoints.adoption;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signals raised so far: a signal is raised again only after its repeat window, and never while its task is open
 * (or not created yet).
 */
@Component
class RaisedSignals {

	/** A signal is open while its task is, and before its task exists. */
	private static final String OPEN = "(s.task_id is null or exists (select 1 from ACT_RU_TASK t where t.ID_ = s.task_id))";

	private static final int CHUNK = 500;

	/** A signal whose task is still open in Tasklist, or not created yet ({@code taskId} null). */
	record OpenSignal(String signal, LocalDate raisedOn, String taskId) {
	}

	private final JdbcTemplate jdbc;

	RaisedSignals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The last time each customer's signal was raised, and whether its task is open, as of now: for a bulk run. */
	record Last(LocalDate raisedOn, boolean open) {

		boolean blocks(LocalDate today, int repeatAfterDays) {
			return open || raisedOn.isAfter(today.minusDays(repeatAfterDays));
		}

	}

	static String key(long customerId, AdoptionSignal signal) {
		return customerId + "|" + signal.value();
	}

	/** Every signal raised in the last year or still open, by {@link #key}; one read for a whole evaluation. */
	Map<String, Last> lastRaised(LocalDate today) {
		return lastRaised(today, "");
	}

	/** Like {@link #lastRaised(LocalDate)}, for some customers only: to check again under the recording lock. */
	Map<String, Last> lastRaisedOf(Collection<Long> customerIds, LocalDate today) {
		Map<String, Last> last = new HashMap<>();
		List<Long> ids = List.copyOf(customerIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			String only = ids.subList(from, Math.min(ids.size(), from + CHUNK)).stream().map(String::valueOf)
				.collect(Collectors.joining(",", " and s.customer_id in (", ")"));
			last.putAll(lastRaised(today, only));
		}
		return last;
	}

	private Map<String, Last> lastRaised(LocalDate today, String onlySome) {
		Map<String, Last> last = new HashMap<>();
		jdbc.query("select s.customer_id, s.signal, s.raised_on, case when " + OPEN + " then 1 else 0 end"
				+ " from adoption_signal s where (s.raised_on > ? or s.task_id is null or s.task_id in (select ID_ from ACT_RU_TASK))"
				+ onlySome, rs -> {
					String key = rs.getLong(1) + "|" + rs.getString(2);
					Last found = new Last(rs.getDate(3).toLocalDate(), rs.getInt(4) == 1);
					last.merge(key, found, (one, other) -> new Last(one.raisedOn().isAfter(other.raisedOn()) ? one.raisedOn()
							: other.raisedOn(), one.open() || other.open()));
				}, today.minusDays(366));
		return last;
	}

	/** Takes the lock under which evaluations record signals, in the caller's transaction: one records at a time. */
	void lockForRecording() {
		jdbc.queryForList("select id from adoption_evaluation where id = 1 for update", Integer.class);
	}

	/** Records signals whose tasks {@link PendingSignalTasks} creates after the transaction. */
	void recordPending(LocalDate today, List<Raised> signals) {
		jdbc.batchUpdate("""
				insert into adoption_signal (customer_id, signal, raised_on, evidence, task_title, task_reason)
				values (?, ?, ?, ?, ?, ?)""", signals.stream()
			.map(raised -> new Object[] { raised.customerId(), raised.finding().signal().value(), today,
					cut(raised.finding().evidence(), 4000), cut(raised.finding().title(), 500),
					cut(raised.finding().reason(), 2000) })
			.toList());
	}

	/** A signal to raise for a customer, with what its task will say. */
	record Raised(long customerId, Finding finding) {
	}

	private static String cut(String text, int most) {
		return text.length() > most ? text.substring(0, most - 1) + "…" : text;
	}

	List<OpenSignal> openOf(long customerId) {
		return jdbc.query("""
				select s.signal, s.raised_on, s.task_id from adoption_signal s
				where s.customer_id = ? and (s.task_id is null or exists (select 1 from ACT_RU_TASK t where t.ID_ = s.task_id))
				order by s.raised_on, s.id""", (rs, row) -> new OpenSignal(rs.getString(1), rs.getDate(2).toLocalDate(),
				rs.getString(3)), customerId);
	}

	/** Takes the evaluation's lock and says whether {@code today} still needs evaluating; in the caller's transaction. */
	boolean claimDay(LocalDate today) {
		LocalDate last = jdbc.queryForObject("select last_evaluated from adoption_evaluation where id = 1 for update",
				LocalDate.class);
		return last == null || last.isBefore(today);
	}

	void markEvaluated(LocalDate today) {
		jdbc.update("update adoption_evaluation set last_evaluated = ? where id = 1", today);
	}

}
