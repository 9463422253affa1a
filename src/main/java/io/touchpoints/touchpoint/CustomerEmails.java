package io.touchpoints.touchpoint;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.Subscription;
import io.touchpoints.customer.Subscriptions;
import io.touchpoints.system.TouchpointsProperties;

/** Writes to a customer: picks the template in their language, fills it with what we know of them, sends it. */
@Service
class CustomerEmails {

	private final CustomerRegistry customers;

	private final Subscriptions subscriptions;

	private final MailTemplates templates;

	private final EmailSender sender;

	private final TouchpointsProperties properties;

	CustomerEmails(CustomerRegistry customers, Subscriptions subscriptions, MailTemplates templates, EmailSender sender,
			TouchpointsProperties properties) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.templates = templates;
		this.sender = sender;
		this.properties = properties;
	}

	void send(String customerRef, String templateId, String idempotencyKey) {
		Customer customer = customers.find(customerRef)
			.orElseThrow(() -> new IllegalStateException("No customer with externalRef '" + customerRef + "'"));
		MailTemplate template = templates.find(templateId, customer.getLocale());
		RenderedEmail email = TemplateRenderer.render(template, values(customer, Locale.forLanguageTag(template.language())));
		sender.send(customer.getEmail(), email, idempotencyKey);
	}

	private Map<String, String> values(Customer customer, Locale locale) {
		Map<String, String> values = new HashMap<>();
		values.put("customer.name", customer.getName());
		values.put("customer.email", customer.getEmail());
		values.put("customer.externalRef", customer.getExternalRef());
		values.put("links.home", properties.publicBaseUrl().toString());
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		subscriptions.findAllOfCustomer(customer.getId()).stream().reduce((first, second) -> second).ifPresent(
				(Subscription latest) -> {
					values.put("subscription.plan", latest.getPlan());
					values.put("subscription.startDate", dates.format(latest.getStartDate()));
					values.put("subscription.renewalDate", dates.format(latest.getRenewalDate()));
				});
		return values;
	}

}
