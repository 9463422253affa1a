package io.touchpoints.touchpoint;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;


/**
 * Whether a customer may be emailed now: not against their opt-outs, not over the frequency cap, not in their
 * quiet hours. Reads only; the caller holds the customer's send lock, so the answer stays true until it sends.
 */
@Component
class Politeness {

	private final Consent consent;

	private final DeliveryLedger ledger;

	private final SendWindow window;

	private final EmailSettings.Mail settings;

	Politeness(Consent consent, DeliveryLedger ledger, EmailSettings properties) {
		this.consent = consent;
		this.ledger = ledger;
		this.settings = properties.mail();
		this.window = new SendWindow(settings.sendWindowStart(), settings.sendWindowEnd());
	}

	/** Why not now: skip the email altogether, or wait until {@code notBefore}. */
	record Objection(boolean skip, Instant notBefore, String reason) {
	}

	/** Null when the email may go now. */
	Objection objectionTo(Touchpoint touchpoint, Instant now) {
		if (!consent.of(touchpoint.customerId()).allows(touchpoint.category())) {
			return new Objection(true, null, "the customer opted out of " + touchpoint.category().value() + " emails");
		}
		Instant notBefore = now;
		String reason = null;
		if (touchpoint.category().isOptional()) {
			List<Instant> recent = ledger.optionalSendsSince(touchpoint.customerId(),
					now.minus(settings.frequencyCapPeriod()));
			if (recent.size() >= settings.frequencyCap()) {
				reason = "frequency cap of " + settings.frequencyCap() + " emails per "
						+ settings.frequencyCapPeriod().toDays() + " days reached";
				if (touchpoint.onCap() == OnCap.SKIP) {
					return new Objection(true, null, reason);
				}
				// The oldest of the last cap's worth of emails leaving the rolling period frees a slot.
				notBefore = recent.get(recent.size() - settings.frequencyCap()).plus(settings.frequencyCapPeriod());
			}
		}
		Instant allowed = window.nextAllowed(notBefore, touchpoint.zone());
		if (!allowed.equals(notBefore)) {
			reason = reason == null ? "quiet hours in " + touchpoint.zone() : reason + ", then quiet hours";
		}
		return reason == null ? null : new Objection(false, allowed, reason);
	}

}
