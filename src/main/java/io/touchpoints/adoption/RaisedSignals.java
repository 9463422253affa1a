package io.touchpoints.adoption;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The signals raised so far: a signal is raised again only after its repeat window, and never while its task is open. */
@Component
class RaisedSignals {

	/** A signal whose task is still open in Tasklist. */
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
	java.util.Map<String, Last> lastRaised(LocalDate today) {
		java.util.Map<String, Last> last = new java.util.HashMap<>();
		jdbc.query("""
				select s.customer_id, s.signal, s.raised_on,
				  case when exists (select 1 from ACT_RU_TASK t where t.ID_ = s.task_id) then 1 else 0 end
				from adoption_signal s where s.raised_on > ? or s.task_id in (select ID_ from ACT_RU_TASK)""", rs -> {
					String key = rs.getLong(1) + "|" + rs.getString(2);
					Last found = new Last(rs.getDate(3).toLocalDate(), rs.getInt(4) == 1);
					last.merge(key, found, (one, other) -> new Last(one.raisedOn().isAfter(other.raisedOn()) ? one.raisedOn()
							: other.raisedOn(), one.open() || other.open()));
				}, today.minusDays(366));
		return last;
	}

	boolean mayRaise(long customerId, AdoptionSignal signal, LocalDate today, int repeatAfterDays) {
		Integer recentOrOpen = jdbc.queryForObject("""
				select count(*) from adoption_signal s
				where s.customer_id = ? and s.signal = ?
				  and (s.raised_on > ? or exists (select 1 from ACT_RU_TASK t where t.ID_ = s.task_id))""",
				Integer.class, customerId, signal.value(), today.minusDays(repeatAfterDays));
		return recentOrOpen == 0;
	}

	void record(long customerId, AdoptionSignal signal, LocalDate today, String taskId, String evidence) {
		jdbc.update("insert into adoption_signal (customer_id, signal, raised_on, task_id, evidence) values (?, ?, ?, ?, ?)",
				customerId, signal.value(), today, taskId, evidence.length() > 4000 ? evidence.substring(0, 4000) : evidence);
	}

	List<OpenSignal> openOf(long customerId) {
		return jdbc.query("""
				select s.signal, s.raised_on, s.task_id from adoption_signal s
				where s.customer_id = ? and exists (select 1 from ACT_RU_TASK t where t.ID_ = s.task_id)
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
