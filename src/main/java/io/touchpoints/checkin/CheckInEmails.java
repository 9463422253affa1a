package io.touchpoints.checkin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.SupportedLocales;
import io.touchpoints.touchpoint.Attachment;
import io.touchpoints.touchpoint.CustomerEmail;
import io.touchpoints.touchpoint.CustomerEmails;
import io.touchpoints.touchpoint.EmailSettings;
import io.touchpoints.touchpoint.LocalizedDates;
import io.touchpoints.touchpoint.DeliveryOutcome;

/**
 * The emails of a check-in, each with the calendar event attached at the check-in's current sequence: the
 * invitation, and the update after a reschedule or cancellation. Each is one touchpoint, keyed by check-in and
 * sequence.
 */
@Component
class CheckInEmails {

	static final String INVITATION = "check-in-invitation";

	static final String RESCHEDULED = "check-in-rescheduled";

	static final String CANCELLED = "check-in-cancelled";

	private final CustomerEmails customerEmails;

	/** The calendar entry's description, in the customer's language (as their mail template is). */
	private static final Map<String, String> DESCRIPTIONS = Map.of(
			"en", "Check-in with your customer success manager: ",
			"es", "Reunión de seguimiento con tu responsable de éxito del cliente: ",
			"fr", "Point de suivi avec votre responsable de la réussite client : ");

	private final InternetAddress organizer;

	private final String uidDomain;

	private final Clock clock;

	CheckInEmails(CustomerEmails customerEmails, EmailSettings properties, Clock clock) throws AddressException {
		this.customerEmails = customerEmails;
		// Answers to an invitation go where people read them, as the email's Reply-To does.
		this.organizer = new InternetAddress(properties.mail().replyTo(), true);
		// The sender's domain, as before the organizer became the Reply-To: invitations already sent keep their UID.
		InternetAddress from = new InternetAddress(properties.mail().from(), true);
		this.uidDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
		this.clock = clock;
	}

	static String key(CheckIn checkIn) {
		return "check-in:" + checkIn.getId() + ":" + checkIn.getSequence();
	}

	boolean invitationSent(CheckIn checkIn) {
		return customerEmails.wasSent("check-in:" + checkIn.getId() + ":0");
	}

	DeliveryOutcome send(CheckIn checkIn, Customer customer, String templateId, String processInstanceId) {
		Locale language = Locale.forLanguageTag(SupportedLocales.languageFor(customer.getLocale()));
		ZonedDateTime start = checkIn.start();
		Map<String, String> values = Map.of("checkIn.topic", checkIn.getTopic(),
				"checkIn.date", LocalizedDates.full(start.toLocalDate(), language),
				"checkIn.time", DateTimeFormatter.ofPattern("HH:mm").format(start),
				"checkIn.timeZone", start.getZone().getId(),
				"checkIn.durationMinutes", Long.toString(checkIn.duration().toMinutes()));
		CalendarEvent event = new CalendarEvent("check-in-" + checkIn.getId() + "@" + uidDomain, checkIn.getSequence(),
				checkIn.getStatus() == CheckIn.Status.CANCELLED, start, checkIn.duration(), titled(checkIn.getTopic(), language),
				DESCRIPTIONS.getOrDefault(language.getLanguage(), DESCRIPTIONS.get("en")) + checkIn.getTopic(),
				organizer.getPersonal() == null ? organizer.getAddress() : organizer.getPersonal(), organizer.getAddress(),
				customer.getName(), customer.getEmail(), clock.instant());
		Attachment invitation = new Attachment("check-in.ics",
				"text/calendar; charset=UTF-8; method=" + ICalendar.method(event),
				ICalendar.invitation(event).getBytes(StandardCharsets.UTF_8));
		return customerEmails.send(CustomerEmail.of(customer.getExternalRef(), templateId, key(checkIn))
			.fromProcess(processInstanceId, Map.of())
			.with(values, List.of(invitation)));
	}

	/** A topic written to follow "about" ("your first week") as a calendar entry's title ("Your first week"). */
	private static String titled(String topic, Locale language) {
		return topic.isEmpty() ? topic : topic.substring(0, 1).toUpperCase(language) + topic.substring(1);
	}

}
