package io.touchpoints.touchpoint;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.Subscription;
import io.touchpoints.customer.Subscriptions;
import io.touchpoints.process.ProcessVariables;
import io.touchpoints.system.TouchpointsProperties;

/** Writes to customers: picks the template in their language, fills it with what we know, delivers it politely. */
@Service
public class CustomerEmails {

	private final CustomerRegistry customers;

	private final Subscriptions subscriptions;

	private final MailTemplates templates;

	private final PreferenceLinks preferenceLinks;

	private final EmailSender sender;

	private final TouchpointDelivery delivery;

	private final TouchpointsProperties properties;

	private final EmailSettings emailSettings;

	private final Consent consent;

	CustomerEmails(CustomerRegistry customers, Subscriptions subscriptions, MailTemplates templates,
			PreferenceLinks preferenceLinks, EmailSender sender, TouchpointDelivery delivery,
			TouchpointsProperties properties, EmailSettings emailSettings, Consent consent) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.templates = templates;
		this.preferenceLinks = preferenceLinks;
		this.sender = sender;
		this.delivery = delivery;
		this.properties = properties;
		this.emailSettings = emailSettings;
		this.consent = consent;
	}

	/**
	 * Sends the email unless it was sent before under the same key, the customer opted out or the cap says skip.
	 * @throws io.touchpoints.system.JobDeferredException when quiet hours or the cap postpone it
	 */
	public DeliveryOutcome send(CustomerEmail request) {
		Customer customer = customers.require(request.customerRef(), "customerRef");
		MailTemplate template = templates.find(request.templateId(), customer.getLocale());
		Map<String, String> values = customerValues(customer, template,
				(String) request.processVariables().get(ProcessVariables.PURCHASE_ID));
		values.putAll(processValues(request.processVariables()));
		values.putAll(request.values());
		RenderedEmail content = TemplateRenderer.render(template, values);
		String unsubscribe = template.category().isOptional()
				? preferenceLinks.oneClick(customer.getExternalRef(), template.category()) : null;
		OutgoingEmail email = new OutgoingEmail(customer.getEmail(), content, sender.messageIdFor(request.idempotencyKey()),
				unsubscribe, request.attachments(), template.category().isOptional() ? template.category() : null);
		return delivery.deliver(new Touchpoint(request.idempotencyKey(), customer.getId(),
				ZoneId.of(customer.getTimeZone()), template.id(), template.category(), request.onCap(),
				request.processInstanceId(), email));
	}

	/** Whether the customer opted out of this category (or of everything optional). */
	public boolean optedOut(long customerId, EmailCategory category) {
		return !consent.of(customerId).allows(category);
	}

	/** When this template was last handed to SMTP for the customer; empty when never. */
	public Optional<Instant> lastSent(long customerId, String templateId) {
		return delivery.lastSent(customerId, templateId);
	}

	/** Whether the touchpoint with this key has been handed to SMTP. */
	public boolean wasSent(String idempotencyKey) {
		return delivery.wasSent(idempotencyKey);
	}

	/** A template rendered for a real customer, with example values for what only a journey would provide. */
	public RenderedPreview preview(String templateId, String locale, String customerRef) {
		Customer customer = customers.require(customerRef, "customer");
		MailTemplate template = templates.find(templateId, locale == null ? customer.getLocale() : locale);
		var problems = TemplateChecks.problemsOf(template);
		if (!problems.isEmpty()) {
			throw new InvalidTemplateException(String.join("; ", problems));
		}
		Map<String, String> values = new HashMap<>();
		TemplateVariables.ALL.forEach(name -> values.put(name, "‹" + name + "›"));
		values.putAll(customerValues(customer, template, null));
		return new RenderedPreview(template.id(), template.language(), template.category(),
				TemplateRenderer.render(template, values));
	}

	private Map<String, String> customerValues(Customer customer, MailTemplate template, String purchaseId) {
		Map<String, String> values = new HashMap<>();
		values.put("customer.name", customer.getName());
		values.put("customer.email", customer.getEmail());
		values.put("customer.externalRef", customer.getExternalRef());
		values.put("customer.tier", customer.getTier());
		values.put("customer.stage", customer.getStage().value());
		values.put("links.home", properties.publicBaseUrl().toString());
		values.put("links.review", orHome(emailSettings.mail().reviewUrl()));
		values.put("links.referral", orHome(emailSettings.mail().referralUrl()));
		if (template.category().isOptional()) {
			values.put(TemplateVariables.PREFERENCES_LINK,
					preferenceLinks.page(customer.getExternalRef(), template.category()));
		}
		Locale language = Locale.forLanguageTag(template.language());
		List<Subscription> all = subscriptions.findAllOfCustomer(customer.getId());
		all.stream()
			.filter(subscription -> subscription.getPurchaseId().equals(purchaseId))
			.findFirst()
			.or(() -> all.stream().reduce((first, second) -> second))
			.ifPresent((Subscription shown) -> {
				values.put("subscription.plan", emailSettings.planName(shown.getPlan()));
				values.put("subscription.purchaseId", shown.getPurchaseId());
				values.put("subscription.startDate", LocalizedDates.longDate(shown.getStartDate(), language));
				values.put("subscription.renewalDate", LocalizedDates.longDate(shown.getRenewalDate(), language));
				values.put("subscription.annualValue", emailSettings.amount(shown.getAnnualValue(), language));
			});
		return values;
	}

	private String orHome(URI configured) {
		return configured == null || configured.toString().isBlank() ? properties.publicBaseUrl().toString()
				: configured.toString();
	}

	private static Map<String, String> processValues(Map<String, Object> variables) {
		Map<String, String> values = new HashMap<>();
		for (String name : ProcessVariables.FOR_TEMPLATES) {
			Object value = variables.get(name);
			if (value != null) {
				values.put(TemplateVariables.PROCESS_PREFIX + name, value.toString());
			}
		}
		return values;
	}

}
