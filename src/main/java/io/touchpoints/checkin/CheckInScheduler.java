package io.touchpoints.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.Subscriptions;
import io.touchpoints.task.FollowUp;
import io.touchpoints.task.FollowUpTasks;
import io.touchpoints.task.TaskTypes;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Schedules check-ins: picks the slot, stores the check-in, gives the customer-success team a task due at that
 * moment and sends the customer the invitation.
 * <p>
 * The check-in is stored in a transaction of its own before the invitation goes out, so a job that is retried
 * (SMTP down, quiet hours) finds the same check-in, slot and calendar UID rather than inventing a second one.
 */
@Service
class CheckInScheduler {

	static final Duration MINIMUM_NOTICE = Duration.ofHours(2);

	/** The Camunda Form of a check-in's task: what happened, how the customer felt, a moment of delight. */
	static final String TASK_FORM = "check-in";

	private final CheckIns checkIns;

	private final CustomerRegistry customers;

	private final Subscriptions subscriptions;

	private final FollowUpTasks tasks;

	private final CheckInEmails emails;

	private final Timeline timeline;

	private final Clock clock;

	private final SlotFinder slots;

	private final CheckInTopics topics;

	private final TransactionTemplate ownTransaction;

	CheckInScheduler(CheckIns checkIns, CustomerRegistry customers, Subscriptions subscriptions, FollowUpTasks tasks,
			CheckInEmails emails, Timeline timeline, Clock clock, PlatformTransactionManager transactions,
			CheckInSettings properties, CheckInTopics topics) {
		this.checkIns = checkIns;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.tasks = tasks;
		this.emails = emails;
		this.timeline = timeline;
		this.clock = clock;
		this.slots = SlotFinder.of(properties);
		this.topics = topics;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** What to schedule: for whom, about what, counted from which date, and for how long. */
	record Request(String idempotencyKey, String customerRef, String topic, Anchor anchor, Offset offset,
			Duration duration, String processInstanceId) {
	}

	CheckIn schedule(Request request) {
		Customer customer = customers.require(request.customerRef(), "customerRef");
		CheckIn checkIn = ownTransaction.execute(status -> storeOnce(request, customer));
		String taskId = tasks.create(FollowUp
			.of(customer.getExternalRef(), TaskTypes.CHECK_IN, "Check-in with " + customer.getName() + ": " + checkIn.getTopic(),
					"Call the customer at " + checkIn.when() + " (" + checkIn.duration().toMinutes() + " minutes) about: "
							+ checkIn.getTopic())
			.due(checkIn.start().toInstant())
			.withForm(TASK_FORM)
			.from(request.processInstanceId()));
		checkIn.assignTask(taskId);
		checkIn = checkIns.save(checkIn);
		emails.send(checkIn, customer, CheckInEmails.INVITATION, request.processInstanceId());
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.CHECK_IN_SCHEDULED,
				"Check-in '" + request.topic() + "' scheduled for " + checkIn.when())
			.processInstance(request.processInstanceId())
			.reference(checkIn.getId()));
		return checkIn;
	}

	private CheckIn storeOnce(Request request, Customer customer) {
		Instant now = clock.instant();
		var stored = checkIns.findByIdempotencyKey(request.idempotencyKey());
		if (stored.isPresent()) {
			CheckIn checkIn = stored.get();
			if (checkIn.start().toInstant().isBefore(now.plus(MINIMUM_NOTICE)) && !emails.invitationSent(checkIn)) {
				// The job waited (quiet hours, SMTP down) past the slot it had picked, before inviting anyone.
				checkIn.moveBeforeInvitation(pickSlot(request, customer, now), now);
				return checkIns.save(checkIn);
			}
			return checkIn;
		}
		ZonedDateTime start = pickSlot(request, customer, now);
		return checkIns.save(CheckIn.schedule(UUID.randomUUID().toString(), request.idempotencyKey(), customer.getId(),
				topics.inLanguageOf(request.topic(), customer.getLocale()), start, request.duration(),
				request.processInstanceId(), now));
	}

	private ZonedDateTime pickSlot(Request request, Customer customer, Instant now) {
		ZoneId zone = ZoneId.of(customer.getTimeZone());
		LocalDate day = request.offset().after(anchorDate(request.anchor(), customer, now, zone), slots);
		List<SlotFinder.Busy> busy = checkIns.findScheduledOfCustomerAfter(customer.getId(), now)
			.stream()
			.filter(other -> !other.getIdempotencyKey().equals(request.idempotencyKey()))
			.map(other -> new SlotFinder.Busy(other.start().toInstant(), other.start().toInstant().plus(other.duration())))
			.toList();
		return slots.firstFreeSlot(day, zone, request.duration(), now.plus(MINIMUM_NOTICE), busy);
	}

	private LocalDate anchorDate(Anchor anchor, Customer customer, Instant now, ZoneId zone) {
		if (anchor == Anchor.SUBSCRIPTION_START) {
			return subscriptions.findAllOfCustomer(customer.getId())
				.stream()
				.reduce((first, second) -> second)
				.orElseThrow(() -> new IllegalStateException("Customer '" + customer.getExternalRef()
						+ "' has no subscription to anchor a check-in on"))
				.getStartDate();
		}
		return now.atZone(zone).toLocalDate();
	}

}
