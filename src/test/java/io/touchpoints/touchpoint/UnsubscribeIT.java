package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;

/**
 * The links in optional emails work as a mail client and a customer use them: the RFC 8058 one-click
 * {@code List-Unsubscribe} header and the localized preferences page, with nothing but the signed token.
 */
@IntegrationTest
class UnsubscribeIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Customers customers;

	@Autowired
	CustomerRegistry registry;

	@Autowired
	Jobs jobs;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Consent consent;

	@Autowired
	CustomerEmails customerEmails;

	@Test
	void oneClickUnsubscribeFromTheMailHeaderStopsThatCategory() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		MimeMessage welcome = welcomeEmail(ref);
		assertThat(welcome.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		String header = welcome.getHeader("List-Unsubscribe", null);
		assertThat(header).matches("<http://localhost:8080/email-preferences/[A-Za-z0-9_-]+\\.onboarding\\.[A-Za-z0-9_-]{22}/unsubscribe>");
		// An optional email names its list, and answers go to people, not to no-reply.
		assertThat(welcome.getHeader("List-Id", null)).isEqualTo("Touchpoints onboarding <onboarding.touchpoints.local>");
		assertThat(welcome.getReplyTo()).extracting(Object::toString)
			.containsExactly("Customer success <success@touchpoints.local>");

		// What a mail client does (RFC 8058): POST the form body to the URI, with no cookies and no credentials.
		ResponseEntity<String> response = post(path(header.substring(1, header.length() - 1)),
				form("List-Unsubscribe", "One-Click"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("Ya no recibirás correos de primeros pasos");
		assertThat(preferences(ref).optedOut()).containsExactly(EmailCategory.ONBOARDING);
		assertThat(customerEmails.send(CustomerEmail.of(ref, "welcome", "after-unsubscribe:" + ref)))
			.isEqualTo(DeliveryOutcome.SKIPPED);
	}

	@Test
	void followingTheUnsubscribeLinkChangesNothingUntilTheCustomerConfirms() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		String header = welcomeEmail(ref).getHeader("List-Unsubscribe", null);

		ResponseEntity<String> page = http.getForEntity(path(header.substring(1, header.length() - 1)), String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("Se désabonner des e-mails de prise en main ?");
		assertThat(preferences(ref).optedOut()).isEmpty();
	}

	@Test
	void preferencesPageIsLocalizedAndSavesPerCategoryChoices() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		String link = preferencesLinkIn(welcomeEmail(ref));

		ResponseEntity<String> page = http.getForEntity(link, String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.getBody()).contains("<html lang=\"es\">", "Tus preferencias de correo", "Ana García",
				"value=\"onboarding\" checked");

		MultiValueMap<String, String> choices = form("receive", "support");
		choices.add("receive", "surveys");
		ResponseEntity<String> saved = post(link, choices);

		assertThat(saved.getBody()).contains("Tus preferencias se han guardado.", "value=\"support\" checked")
			.doesNotContain("value=\"onboarding\" checked");
		assertThat(preferences(ref).optedOut()).containsExactlyInAnyOrder(EmailCategory.ONBOARDING, EmailCategory.OFFERS);
		assertThat(preferences(ref).everything()).isFalse();

		post(link, form("nothing", "true"));
		assertThat(preferences(ref).everything()).isTrue();
	}

	@Test
	void alteredOrForgedTokensOpenNothing() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		String link = preferencesLinkIn(welcomeEmail(ref));
		String forged = link.replace(".onboarding.", ".offers.");

		assertThat(http.getForEntity(forged, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post(forged + "/unsubscribe", form("List-Unsubscribe", "One-Click")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.getForEntity("/email-preferences/not-a-token", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(preferences(ref).optedOut()).isEmpty();
	}

	private MimeMessage welcomeEmail(String ref) {
		jobs.executeAll(customers.purchase(ref, false));
		MimeMessage[] received = smtp.getReceivedMessagesForDomain(Customers.email(ref));
		assertThat(received).hasSize(1);
		return received[0];
	}

	private static String preferencesLinkIn(MimeMessage email) throws Exception {
		String text = ReceivedMail.part(email, "text/plain");
		int start = text.indexOf("http://localhost:8080/email-preferences/");
		assertThat(start).as("preferences link in the text part").isNotNegative();
		return path(text.substring(start).split("\\s")[0]);
	}

	/** The service runs on a random port; links in emails use the configured public base URL. */
	private static String path(String url) {
		return URI.create(url).getPath();
	}

	private Consent.Preferences preferences(String ref) {
		return consent.of(registry.find(ref).orElseThrow().getId());
	}

	private ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
	}

	private static MultiValueMap<String, String> form(String name, String value) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add(name, value);
		return form;
	}

}
