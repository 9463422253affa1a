package io.touchpoints.touchpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.system.JobDeferredException;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * Sends each touchpoint email at most once and politely: never against the customer's opt-outs, never in
 * their quiet hours, never over their frequency cap.
 * <p>
 * The ledger is written in transactions of its own, around the SMTP hand-off: a claim before, "sent" right
 * after. A job that fails later (and is retried), a second node running the same touchpoint, or an operator's
 * retry all find the key already claimed or sent and send nothing. The one window left is a crash between
 * SMTP's acceptance and the "sent" commit: the claim's lease then expires and the email is sent again with the
 * same {@code Message-ID}, which lets mail systems recognise it. When only the "sent" record fails (the database
 * busy or briefly gone), the node remembers what SMTP accepted and records it on the next attempt instead of
 * letting the claim's lease run out and the email go out again.
 */
@Service
class TouchpointDelivery {

	static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

	private static final Duration RETRY_WHILE_CLAIMED = Duration.ofMinutes(1);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final DeliveryLedger ledger;

	private final Politeness politeness;

	private final Timeline timeline;

	private final EmailSender sender;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	/** Keys SMTP accepted whose "sent" record has not been committed yet, with their claimant. */
	private final Map<String, String> acceptedNotRecorded = new ConcurrentHashMap<>();

	TouchpointDelivery(DeliveryLedger ledger, Politeness politeness, Timeline timeline, EmailSender sender, Clock clock,
			PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.politeness = politeness;
		this.timeline = timeline;
		this.sender = sender;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	private sealed interface Decision {
	}

	private record Done() implements Decision {
	}

	private record Skipped() implements Decision {
	}

	private record Deferred(Instant notBefore, String reason) implements Decision {
	}

	private record Claimed(String claimant) implements Decision {
	}

	/**
	 * Sends the touchpoint now, or returns why not.
	 * @throws JobDeferredException when it may only be sent later; the calling job waits until then
	 */
	DeliveryOutcome deliver(Touchpoint touchpoint) {
		String acceptedBy = acceptedNotRecorded.get(touchpoint.idempotencyKey());
		if (acceptedBy != null) {
			recordSent(touchpoint, acceptedBy);
			return DeliveryOutcome.ALREADY_DONE;
		}
		Decision decision = decideUnderLock(touchpoint);
		if (decision == null) {
			try {
				ownTransaction.executeWithoutResult(status -> ledger.createLock(touchpoint.customerId()));
			}
			catch (DuplicateKeyException anotherSendCreatedItFirst) {
				// Theirs serves as well.
			}
			decision = decideUnderLock(touchpoint);
		}
		if (decision instanceof Done) {
			return DeliveryOutcome.ALREADY_DONE;
		}
		if (decision instanceof Skipped) {
			return DeliveryOutcome.SKIPPED;
		}
		if (decision instanceof Deferred deferred) {
			throw new JobDeferredException(deferred.notBefore(), deferred.reason());
		}
		String claimant = ((Claimed) decision).claimant();
		try {
			sender.send(touchpoint.email());
		}
		catch (MailException e) {
			ownTransaction.executeWithoutResult(status -> ledger.release(touchpoint.idempotencyKey(), claimant));
			throw e;
		}
		acceptedNotRecorded.put(touchpoint.idempotencyKey(), claimant);
		recordSent(touchpoint, claimant);
		return DeliveryOutcome.SENT;
	}

	private void recordSent(Touchpoint touchpoint, String claimant) {
		ownTransaction.executeWithoutResult(status -> {
			ledger.markSent(touchpoint.idempotencyKey(), claimant, clock.instant());
			if (touchpoint.customerId() != null) {
				timeline.record(entry(touchpoint, TimelineKind.EMAIL_SENT,
						"Email '" + touchpoint.templateId() + "' sent: " + touchpoint.email().content().subject())
					.reference(touchpoint.idempotencyKey()));
			}
		});
		acceptedNotRecorded.remove(touchpoint.idempotencyKey());
	}

	Optional<Instant> lastSent(long customerId, String templateId) {
		return ledger.lastSent(customerId, templateId);
	}

	boolean wasSent(String idempotencyKey) {
		return ledger.find(idempotencyKey).filter(entry -> DeliveryLedger.SENT.equals(entry.status())).isPresent();
	}

	/** The decision, taken under the customer's lock; null when that lock does not exist yet. */
	private Decision decideUnderLock(Touchpoint touchpoint) {
		try {
			return ownTransaction.execute(status -> touchpoint.customerId() == null
					|| ledger.lockCustomer(touchpoint.customerId()) ? decide(touchpoint) : null);
		}
		catch (DuplicateKeyException anotherNodeClaimedFirst) {
			return new Deferred(clock.instant().plus(RETRY_WHILE_CLAIMED), "being sent by another node");
		}
	}

	private Decision decide(Touchpoint touchpoint) {
		Instant now = clock.instant();
		var recorded = ledger.find(touchpoint.idempotencyKey());
		if (recorded.isPresent()) {
			return alreadyRecorded(touchpoint, recorded.get(), now);
		}
		if (touchpoint.customerId() != null) {
			Decision polite = politely(touchpoint, now);
			if (polite != null) {
				return polite;
			}
		}
		String claimant = UUID.randomUUID().toString();
		ledger.insert(touchpoint, DeliveryLedger.SENDING, claimant, now);
		return new Claimed(claimant);
	}

	private Decision alreadyRecorded(Touchpoint touchpoint, DeliveryLedger.Entry entry, Instant now) {
		if (!DeliveryLedger.SENDING.equals(entry.status())) {
			return new Done();
		}
		if (entry.claimedAt().plus(CLAIM_LEASE).isAfter(now)) {
			return new Deferred(now.plus(RETRY_WHILE_CLAIMED), "being sent by another node or attempt");
		}
		String claimant = UUID.randomUUID().toString();
		ledger.takeOver(touchpoint.idempotencyKey(), entry.claimedBy(), claimant, now);
		return new Claimed(claimant);
	}

	private Decision politely(Touchpoint touchpoint, Instant now) {
		Politeness.Objection objection = politeness.objectionTo(touchpoint, now);
		if (objection == null) {
			return null;
		}
		if (objection.skip()) {
			return skip(touchpoint, now, objection.reason());
		}
		timeline.record(entry(touchpoint, TimelineKind.EMAIL_DEFERRED, "Email '" + touchpoint.templateId()
				+ "' deferred to " + local(objection.notBefore(), touchpoint.zone()) + ": " + objection.reason())
			.reference(touchpoint.idempotencyKey() + "@" + objection.notBefore()));
		return new Deferred(objection.notBefore(), objection.reason());
	}

	private Decision skip(Touchpoint touchpoint, Instant now, String reason) {
		ledger.insert(touchpoint, DeliveryLedger.SKIPPED, null, now);
		timeline.record(entry(touchpoint, TimelineKind.EMAIL_SKIPPED,
				"Email '" + touchpoint.templateId() + "' skipped: " + reason)
			.reference(touchpoint.idempotencyKey()));
		return new Skipped();
	}

	private static Timeline.Entry entry(Touchpoint touchpoint, String kind, String summary) {
		return Timeline.Entry.of(touchpoint.customerId(), kind, summary)
			.processInstance(touchpoint.processInstanceId());
	}

	private static String local(Instant instant, ZoneId zone) {
		return LOCAL.format(instant.atZone(zone)) + " " + zone;
	}

}
