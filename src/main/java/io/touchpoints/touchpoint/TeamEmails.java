package io.touchpoints.touchpoint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.touchpoints.customer.SupportedLocales;
import io.touchpoints.system.TouchpointsProperties;

/** Internal notifications to one of our teams, at the address configured for its group; sent once per key. */
@Service
public class TeamEmails {

	private final MailTemplates templates;

	private final EmailSender sender;

	private final TouchpointDelivery delivery;

	private final TouchpointsProperties properties;

	private final EmailSettings emailSettings;

	TeamEmails(MailTemplates templates, EmailSender sender, TouchpointDelivery delivery, TouchpointsProperties properties,
			EmailSettings emailSettings) {
		this.templates = templates;
		this.sender = sender;
		this.delivery = delivery;
		this.properties = properties;
		this.emailSettings = emailSettings;
	}

	public DeliveryOutcome send(String team, String templateId, String idempotencyKey, Map<String, String> values,
			String processInstanceId) {
		String address = emailSettings.mail().teamAddresses().get(team);
		if (address == null || address.isBlank()) {
			throw new IllegalStateException("No email address for team '" + team
					+ "'; set touchpoints.mail.team-addresses[" + team + "]");
		}
		MailTemplate template = templates.find(templateId, SupportedLocales.FALLBACK);
		if (template.category() != EmailCategory.INTERNAL) {
			throw new IllegalArgumentException("Mail template '" + templateId + "' is a " + template.category().value()
					+ " email, not an internal one; teams get templates of category internal");
		}
		Map<String, String> filled = new HashMap<>(values);
		filled.put("links.home", properties.publicBaseUrl().toString());
		OutgoingEmail email = new OutgoingEmail(address, TemplateRenderer.render(template, filled),
				sender.messageIdFor(idempotencyKey), null, List.of());
		return delivery.deliver(new Touchpoint(idempotencyKey, null, null, templateId, template.category(), OnCap.DEFER,
				processInstanceId, email));
	}

}
