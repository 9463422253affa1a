package io.touchpoints.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.system.AsEngine;
import io.touchpoints.system.ConflictException;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.system.NotFoundException;
import io.touchpoints.task.FollowUpTasks;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Moves or cancels a check-in: the same calendar event with a higher SEQUENCE, the task moved or removed, and the
 * customer told by the {@code check-in-update} journey, whose email is a job of its own like every other.
 */
@Service
class CheckInChanges {

	static final String UPDATE_PROCESS_KEY = "check-in-update";

	private final CheckIns checkIns;

	private final CustomerRegistry customers;

	private final FollowUpTasks tasks;

	private final CheckInEmails emails;

	private final RuntimeService runtimeService;

	private final Timeline timeline;

	private final AsEngine asEngine;

	private final Clock clock;

	private final SlotFinder slots;

	CheckInChanges(CheckIns checkIns, CustomerRegistry customers, FollowUpTasks tasks, CheckInEmails emails,
			@Lazy RuntimeService runtimeService, Timeline timeline, AsEngine asEngine, Clock clock,
			CheckInSettings properties) {
		this.checkIns = checkIns;
		this.customers = customers;
		this.tasks = tasks;
		this.emails = emails;
		this.runtimeService = runtimeService;
		this.timeline = timeline;
		this.asEngine = asEngine;
		this.clock = clock;
		this.slots = SlotFinder.of(properties);
	}

	@Transactional(readOnly = true)
	CheckIn find(String id) {
		return checkIns.findById(id).orElseThrow(() -> new NotFoundException("id", "No check-in with id '" + id + "'"));
	}

	@Transactional
	CheckIn reschedule(String id, ZonedDateTime start, Duration duration, String who) {
		CheckIn checkIn = scheduled(id);
		Instant now = clock.instant();
		if (!start.toInstant().isAfter(now)) {
			throw new InvalidRequestException(List.of(new FieldProblem("startsAt", "must be in the future")));
		}
		Duration length = duration == null ? checkIn.duration() : duration;
		if (!slots.isWorkingTime(start, length)) {
			throw new InvalidRequestException(List.of(new FieldProblem("startsAt", "must lie within the customer's "
					+ "working hours (" + slots.describe() + " " + start.getZone() + "), for the whole check-in")));
		}
		checkIn.reschedule(start, length, now);
		checkIn = checkIns.save(checkIn);
		if (checkIn.getTaskId() != null) {
			tasks.reschedule(checkIn.getTaskId(), start.toInstant());
		}
		inform(checkIn, TimelineKind.CHECK_IN_RESCHEDULED,
				"Check-in '" + checkIn.getTopic() + "' moved to " + checkIn.when(), who);
		return checkIn;
	}

	@Transactional
	CheckIn cancel(String id, String reason, String who) {
		CheckIn checkIn = scheduled(id);
		checkIn.cancel(clock.instant());
		checkIn = checkIns.save(checkIn);
		if (checkIn.getTaskId() != null) {
			tasks.cancel(checkIn.getTaskId(), "check-in cancelled");
		}
		inform(checkIn, TimelineKind.CHECK_IN_CANCELLED, "Check-in '" + checkIn.getTopic() + "' on " + checkIn.when()
				+ " cancelled" + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()), who);
		return checkIn;
	}

	/** Sends the customer the check-in's current state, unless a newer change will or they were never invited. */
	void sendUpdate(String id, int sequence, String processInstanceId) {
		CheckIn checkIn = find(id);
		if (checkIn.getSequence() != sequence || !emails.invitationSent(checkIn)) {
			return;
		}
		Customer customer = customerOf(checkIn);
		emails.send(checkIn, customer,
				checkIn.getStatus() == CheckIn.Status.CANCELLED ? CheckInEmails.CANCELLED : CheckInEmails.RESCHEDULED,
				processInstanceId);
	}

	private CheckIn scheduled(String id) {
		CheckIn checkIn = find(id);
		if (checkIn.getStatus() != CheckIn.Status.SCHEDULED) {
			throw new ConflictException("Check-in '" + id + "' is " + checkIn.getStatus().value() + " and cannot change",
					List.of(new FieldProblem("id", "check-in is " + checkIn.getStatus().value())));
		}
		return checkIn;
	}

	private void inform(CheckIn checkIn, String kind, String summary, String who) {
		Customer customer = customerOf(checkIn);
		String processInstanceId = asEngine.call(() -> runtimeService.createProcessInstanceByKey(UPDATE_PROCESS_KEY)
			.businessKey(customer.getExternalRef())
			.setVariables(Map.of("checkInId", checkIn.getId(), "sequence", checkIn.getSequence()))
			.execute()
			.getId());
		timeline.record(Timeline.Entry.of(customer.getId(), kind, summary)
			.actor(who)
			.processInstance(processInstanceId)
			.reference(checkIn.getId() + ":" + checkIn.getSequence()));
	}

	private Customer customerOf(CheckIn checkIn) {
		return customers.findById(checkIn.getCustomerId())
			.orElseThrow(() -> new IllegalStateException("Check-in " + checkIn.getId() + " has no customer"));
	}

}
