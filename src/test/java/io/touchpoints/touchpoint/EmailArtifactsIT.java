package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestModels;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;

/**
 * Every customer email as it leaves the service, in English, Spanish and French, written to {@code target/emails}
 * (messages as {@code .eml}, calendar invitations as {@code .ics}) for the tools nobody here wrote to judge:
 * {@code .ci/check-emails} runs SpamAssassin on each message and two calendar parsers on each invitation.
 */
@IntegrationTest
class EmailArtifactsIT {

	static final Path FOLDER = Path.of("target", "emails");

	static final List<String> LANGUAGES = List.of("en", "es", "fr");

	static final List<String> CUSTOMER_TEMPLATES = List.of("welcome", "setup-help", "migration-help", "training-help",
			"onboarding-complete", "tip-reports", "tip-dashboards", "tip-automations", "tip-integrations",
			"survey-thanks-passive", "survey-thanks-promoter");

	/** Written by the check-in test (they need a check-in), or internal (to our own teams). */
	static final List<String> OTHER_TEMPLATES = List.of("check-in-invitation", "check-in-rescheduled", "check-in-cancelled",
			"task-overdue", "nps-below-band", "survey-onboarding", "survey-onboarding-reminder", "survey-nps", "survey-nps-reminder",
			"survey-csat", "survey-csat-reminder", "renewal-value-summary", "renewal-notice");

	/** Written with what the renewal journey gives them: its subscription and the cycle's value summary. */
	static final List<String> RENEWAL_TEMPLATES = List.of("renewal-value-summary", "renewal-notice");

	/** Survey kinds and their templates: written by starting the survey model (its links need an invitation). */
	static final Map<String, String> SURVEYS = Map.of("onboarding", "survey-onboarding", "nps", "survey-nps", "csat",
			"survey-csat");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Customers customers;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	CustomerEmails customerEmails;

	@Autowired
	TestModels models;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Jobs jobs;

	@AfterEach
	void removeModels() {
		models.removeAll();
	}

	@Test
	void everyMailTemplateIsJudgedHere() throws Exception {
		try (var folders = Files.list(Path.of("templates", "mail"))) {
			assertThat(folders.map(folder -> folder.getFileName().toString()).toList())
				.as("a new template goes into CUSTOMER_TEMPLATES, so SpamAssassin judges it in every language")
				.allMatch(id -> CUSTOMER_TEMPLATES.contains(id) || OTHER_TEMPLATES.contains(id));
		}
	}

	@Test
	void writesEveryCustomerEmailInEveryLanguage() throws Exception {
		Files.createDirectories(FOLDER);
		for (String language : LANGUAGES) {
			for (String template : CUSTOMER_TEMPLATES) {
				String ref = customers.create(name(language), language, "Europe/Madrid");
				customers.purchase(ref, false);
				assertThat(customerEmails.send(CustomerEmail.of(ref, template, "artifact:" + template + ":" + ref)))
					.isEqualTo(DeliveryOutcome.SENT);
				write(only(ref), template + "-" + language);
			}
		}
		assertThat(Files.list(FOLDER).filter(file -> file.toString().endsWith(".eml")).count())
			.isGreaterThanOrEqualTo(CUSTOMER_TEMPLATES.size() * LANGUAGES.size());
	}

	@Test
	void writesTheCheckInInvitationInEveryLanguage() throws Exception {
		Files.createDirectories(FOLDER);
		models.deploy("artifact-check-in", Bpmn.createExecutableProcess("artifact-check-in")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask()
			.camundaAsyncBefore()
			.camundaDelegateExpression("${scheduleCheckInDelegate}")
			.camundaInputParameter("topic", "Onboarding")
			.camundaInputParameter("anchor", "today")
			.camundaInputParameter("offsetBusinessDays", "2")
			.camundaInputParameter("durationMinutes", "30")
			.endEvent()
			.done());
		for (String language : LANGUAGES) {
			String ref = customers.create(name(language), language, "Europe/Madrid");
			jobs.executeAll(runtimeService.startProcessInstanceByKey("artifact-check-in", ref).getId());
			MimeMessage invitation = only(ref);
			write(invitation, "check-in-invitation-" + language);
			Files.writeString(FOLDER.resolve("check-in-invitation-" + language + ".ics"),
					ReceivedMail.part(invitation, "text/calendar"), StandardCharsets.UTF_8);
		}
	}

	@Test
	void writesEverySurveyAndItsReminderInEveryLanguage() throws Exception {
		Files.createDirectories(FOLDER);
		for (String language : LANGUAGES) {
			for (Map.Entry<String, String> survey : SURVEYS.entrySet()) {
				EngineTime.set(EngineTime.MONDAY_MORNING);
				String ref = customers.create(name(language), language, "Europe/Madrid");
				String dispatch = runtimeService.startProcessInstanceByKey("survey-dispatch", ref,
						Map.of("customerRef", ref, "surveyKind", survey.getKey())).getId();
				jobs.executeAll(dispatch);
				write(only(ref), survey.getValue() + "-" + language);
				EngineTime.advance(Duration.ofDays(3).plusMinutes(1));
				jobs.executeAll(dispatch);
				MimeMessage[] received = smtp.getReceivedMessagesForDomain(Customers.email(ref));
				assertThat(received).hasSize(2);
				write(received[1], survey.getValue() + "-reminder-" + language);
			}
		}
	}

	@Test
	void writesTheRenewalEmailsInEveryLanguage() throws Exception {
		Files.createDirectories(FOLDER);
		for (String language : LANGUAGES) {
			for (String template : RENEWAL_TEMPLATES) {
				String ref = customers.create(name(language), language, "Europe/Madrid");
				customers.purchase(ref, false);
				assertThat(api.put(users.integration(), "/api/subscriptions/po-" + ref, """
						{"plan":"pro","renewalDate":"2027-11-23","annualValue":12000,"seats":25}""").getStatusCode())
					.isEqualTo(HttpStatus.OK);
				Map<String, Object> cycle = Map.of("purchaseId", "po-" + ref, "valueSince", "23 November 2026",
						"valueActiveDays", 187, "valueFeaturesUsed", 6, "valueMilestones", 3, "valueTicketsResolved", 4,
						"valueLastNps", "9");
				assertThat(customerEmails.send(CustomerEmail.of(ref, template, "artifact:" + template + ":" + ref)
					.fromProcess(null, cycle))).isEqualTo(DeliveryOutcome.SENT);
				MimeMessage email = only(ref);
				if (template.equals("renewal-notice")) {
					// Spanish and French keep the amount on one line with no-break spaces.
					assertThat(ReceivedMail.part(email, "text/plain").replaceAll("[\u00a0\u202f]", " "))
						.as("the amount as " + language + " writes money")
						.contains(switch (language) {
							case "es" -> "12.000,00 €";
							case "fr" -> "12 000,00 €";
							default -> "€12,000.00";
						});
				}
				write(email, template + "-" + language);
			}
		}
	}

	private static MimeMessage only(String ref) {
		MimeMessage[] received = smtp.getReceivedMessagesForDomain(Customers.email(ref));
		assertThat(received).hasSize(1);
		return received[0];
	}

	private static void write(MimeMessage message, String name) throws Exception {
		try (OutputStream out = Files.newOutputStream(FOLDER.resolve(name + ".eml"))) {
			message.writeTo(out);
		}
	}

	private static String name(String language) {
		return switch (language) {
			case "es" -> "Ana García";
			case "fr" -> "Chloé Martin";
			default -> "Jane Doe";
		};
	}

}
