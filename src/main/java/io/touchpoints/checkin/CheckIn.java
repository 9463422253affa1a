package io.touchpoints.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A meeting between a customer and their customer-success manager. Its id is the calendar event's UID and
 * {@code sequence} the event's SEQUENCE: 0 for the invitation, one more for every change sent after it.
 */
@Table
public class CheckIn {

	/** Where a check-in stands. */
	public enum Status {

		SCHEDULED, CANCELLED;

		@JsonValue
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV");

	@Id
	private final String id;

	@Version
	private Long version;

	private final String idempotencyKey;

	private final Long customerId;

	private final String topic;

	private Instant startsAt;

	private int durationMinutes;

	private final String timeZone;

	private int sequence;

	private Status status;

	private String taskId;

	private final String processInstanceId;

	private final Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	CheckIn(String id, Long version, String idempotencyKey, Long customerId, String topic, Instant startsAt,
			int durationMinutes, String timeZone, int sequence, Status status, String taskId, String processInstanceId,
			Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.version = version;
		this.idempotencyKey = idempotencyKey;
		this.customerId = customerId;
		this.topic = topic;
		this.startsAt = startsAt;
		this.durationMinutes = durationMinutes;
		this.timeZone = timeZone;
		this.sequence = sequence;
		this.status = status;
		this.taskId = taskId;
		this.processInstanceId = processInstanceId;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static CheckIn schedule(String id, String idempotencyKey, long customerId, String topic, ZonedDateTime start,
			Duration duration, String processInstanceId, Instant now) {
		return new CheckIn(id, null, idempotencyKey, customerId, topic, start.toInstant(), (int) duration.toMinutes(),
				start.getZone().getId(), 0, Status.SCHEDULED, null, processInstanceId, now, now);
	}

	void moveBeforeInvitation(ZonedDateTime start, Instant now) {
		this.startsAt = start.toInstant();
		this.updatedAt = now;
	}

	void reschedule(ZonedDateTime start, Duration duration, Instant now) {
		this.startsAt = start.toInstant();
		this.durationMinutes = (int) duration.toMinutes();
		this.sequence++;
		this.updatedAt = now;
	}

	void cancel(Instant now) {
		this.status = Status.CANCELLED;
		this.sequence++;
		this.updatedAt = now;
	}

	void assignTask(String taskId) {
		this.taskId = taskId;
	}

	public String getId() {
		return id;
	}

	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	public Long getCustomerId() {
		return customerId;
	}

	public String getTopic() {
		return topic;
	}

	/** When it takes place, as people read it: {@code 2026-11-25 09:00 Europe/Madrid}. */
	public String when() {
		return WHEN.format(start());
	}

	public ZonedDateTime start() {
		return startsAt.atZone(ZoneId.of(timeZone));
	}

	public Duration duration() {
		return Duration.ofMinutes(durationMinutes);
	}

	public int getSequence() {
		return sequence;
	}

	public Status getStatus() {
		return status;
	}

	public String getTaskId() {
		return taskId;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

}
