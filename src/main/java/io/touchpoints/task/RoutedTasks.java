package io.touchpoints.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every routed task with its customer, type and lead group: what escalation and the timeline need to know. */
@Component
class RoutedTasks {

	private final JdbcTemplate jdbc;

	RoutedTasks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A routed task as recorded. */
	record RoutedTask(String taskId, Long customerId, String taskType, String candidateGroup, String leadGroup) {
	}

	/** An open task past its due date that has not been escalated yet. */
	record Overdue(String taskId, String name, Instant dueDate, Long customerId, String taskType, String candidateGroup,
			String leadGroup) {
	}

	void record(String taskId, Long customerId, String taskType, String candidateGroup, String leadGroup,
			boolean escalation, Instant now) {
		jdbc.update("""
				insert into routed_task (task_id, customer_id, task_type, candidate_group, lead_group, is_escalation, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""", taskId, customerId, taskType, candidateGroup, leadGroup, escalation,
				Timestamp.from(now));
	}

	Optional<RoutedTask> find(String taskId) {
		return jdbc.query("select * from routed_task where task_id = ?",
				(rs, row) -> new RoutedTask(rs.getString("task_id"), (Long) rs.getObject("customer_id", Long.class),
						rs.getString("task_type"), rs.getString("candidate_group"), rs.getString("lead_group")),
				taskId)
			.stream()
			.findFirst();
	}

	/** Open, overdue, not yet escalated tasks that have a lead group to escalate to; oldest due first. */
	List<Overdue> overdue(Instant now, int limit) {
		return jdbc.query("""
				select r.*, t.NAME_ as name, t.DUE_DATE_ as due_date
				from routed_task r join ACT_RU_TASK t on t.ID_ = r.task_id
				where t.DUE_DATE_ < ? and r.escalated_at is null and r.is_escalation = false and r.lead_group is not null
				order by t.DUE_DATE_
				fetch first %d rows only""".formatted(limit),
				(rs, row) -> new Overdue(rs.getString("task_id"), rs.getString("name"),
						rs.getTimestamp("due_date").toInstant(), (Long) rs.getObject("customer_id", Long.class),
						rs.getString("task_type"), rs.getString("candidate_group"), rs.getString("lead_group")),
				Timestamp.from(now));
	}

	/** Marks the task escalated; false when another node already did. */
	boolean markEscalated(String taskId, Instant now) {
		return jdbc.update("update routed_task set escalated_at = ? where task_id = ? and escalated_at is null",
				Timestamp.from(now), taskId) == 1;
	}

}
