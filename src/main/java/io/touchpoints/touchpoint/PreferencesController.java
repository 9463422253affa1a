package io.touchpoints.touchpoint;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;

/**
 * The public pages behind the links in emails: the customer's preferences, and the RFC 8058 one-click
 * unsubscribe that mail clients call from the {@code List-Unsubscribe} header. The signed token in the path is
 * the only credential. A GET never changes anything, because link scanners follow links.
 */
@Controller
@RequestMapping(PreferenceLinks.PATH + "{token}")
class PreferencesController {

	private final PreferenceLinks links;

	private final CustomerRegistry customers;

	private final Consent consent;

	PreferencesController(PreferenceLinks links, CustomerRegistry customers, Consent consent) {
		this.links = links;
		this.customers = customers;
		this.consent = consent;
	}

	@GetMapping
	ResponseEntity<String> show(@PathVariable String token) {
		return withCustomer(token, (customer, subject, page) -> html(HttpStatus.OK,
				page.form(PreferenceLinks.PATH + token, customer.getName(), consent.of(customer.getId()), null)));
	}

	@PostMapping
	ResponseEntity<String> save(@PathVariable String token,
			@RequestParam(name = "receive", required = false) List<String> receive,
			@RequestParam(name = "nothing", defaultValue = "false") boolean nothing) {
		return withCustomer(token, (customer, subject, page) -> {
			Set<EmailCategory> optedOut = EnumSet.copyOf(EmailCategory.OPTIONAL);
			if (receive != null) {
				receive.stream().map(EmailCategory::of).flatMap(Optional::stream).forEach(optedOut::remove);
			}
			Consent.Preferences wanted = new Consent.Preferences(optedOut, nothing);
			consent.change(customer.getId(), wanted, "preferences page");
			return html(HttpStatus.OK, page.form(PreferenceLinks.PATH + token, customer.getName(), wanted, page.saved()));
		});
	}

	@GetMapping("/unsubscribe")
	ResponseEntity<String> confirmUnsubscribe(@PathVariable String token) {
		return withCustomer(token, (customer, subject, page) -> html(HttpStatus.OK,
				page.unsubscribeConfirmation(PreferenceLinks.PATH + token + "/unsubscribe", subject.category())));
	}

	/** RFC 8058: mail clients POST {@code List-Unsubscribe=One-Click}; the page's own button posts here too. */
	@PostMapping("/unsubscribe")
	ResponseEntity<String> unsubscribe(@PathVariable String token) {
		return withCustomer(token, (customer, subject, page) -> {
			consent.optOut(customer.getId(), subject.category(), "one-click unsubscribe");
			return html(HttpStatus.OK, page.unsubscribed(subject.category()));
		});
	}

	private interface PageAction {

		ResponseEntity<String> apply(Customer customer, PreferenceLinks.Subject subject, PreferencesPage page);

	}

	private ResponseEntity<String> withCustomer(String token, PageAction action) {
		Optional<PreferenceLinks.Subject> subject = links.verify(token);
		Optional<Customer> customer = subject.flatMap(s -> customers.find(s.customerRef()));
		if (customer.isEmpty()) {
			return html(HttpStatus.NOT_FOUND, new PreferencesPage(null).invalidLink());
		}
		return action.apply(customer.get(), subject.get(), new PreferencesPage(customer.get().getLocale()));
	}

	private static ResponseEntity<String> html(HttpStatus status, String body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			// The token in the URL is a credential: never leak it to another site.
			.header("Referrer-Policy", "no-referrer")
			.header("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

}
