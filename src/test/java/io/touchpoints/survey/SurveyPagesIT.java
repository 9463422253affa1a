package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;

/**
 * Issue 11: the pages behind a survey's one-click links, over real HTTP: the score recorded once per invitation,
 * changed and commented; the customer's language; tampered, unknown and expired links; CSRF; bad input.
 */
@IntegrationTest
class SurveyPagesIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	Jobs jobs;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyLinks links;

	@Test
	void aClickRecordsTheScoreOnceAndTheAnswerPageChangesItAndTakesAComment() {
		Invitation invitation = invite("Jean Dupont", "fr", "nps");
		SurveyPages browser = new SurveyPages(http);

		SurveyPages.Page answer = browser.click(invitation.link(6));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("<html lang=\"fr\">", "Merci pour votre réponse",
				"Nous avons enregistré votre réponse : 6", "value=\"6\" checked", "Quelle est la probabilité");
		// Answered by the form's post itself, which then shows the answer page's own address (a reload posts nothing).
		assertThat(answer.body()).contains("history.replaceState(null, '', '" + (invitation.link(6) + "/answer").replace("/", "\\/")
				+ "');");
		assertLockedDown(answer);
		assertThat(browser.get(invitation.link(6) + "/answer").body()).contains("Nous avons enregistré votre réponse : 6");
		assertThat(surveys.response(invitation.id())).get().extracting(SurveyResponse::score).isEqualTo(6);

		// Without scripts the person confirms with the button; that post keeps post/redirect/get.
		SurveyPages.Page confirmed = browser.post(invitation.link(7), Map.of("csrf", browser.get(invitation.link(7)).csrf()));
		assertThat(confirmed.status()).isEqualTo(303);
		assertThat(browser.get(SurveyPages.pathOf(confirmed.header("Location"))).body())
			.contains("Nous avons enregistré votre réponse : 7");

		browser.click(invitation.link(8));
		SurveyPages.Page changed = browser.change(invitation.link(8), "9", "Très bon accompagnement.\r\nMerci !");
		assertThat(changed.status()).isEqualTo(303);
		assertThat(browser.get(SurveyPages.pathOf(changed.header("Location"))).body())
			.contains("Votre réponse est enregistrée.", "value=\"9\" checked", "Très bon accompagnement.\nMerci !");

		assertThat(countResponses(invitation.id())).as("one response per invitation").isOne();
		SurveyResponse response = surveys.response(invitation.id()).orElseThrow();
		assertThat(response.score()).isEqualTo(9);
		assertThat(response.comment()).isEqualTo("Très bon accompagnement.\nMerci !");
		assertThat(api.timelineSummaries(users.csm(), invitation.ref())).contains("Answered the 'nps' survey: 6 (scale 0–10)",
				"Changed the 'nps' survey answer from 6 to 7", "Changed the 'nps' survey answer from 7 to 8",
				"Changed the 'nps' survey answer from 8 to 9",
				"Commented on the 'nps' survey");
	}

	@Test
	void thePagesSpeakTheCustomersLanguage() {
		assertThat(new SurveyPages(http).click(invite("Ana García", "es", "onboarding").link(4)).body())
			.contains("<html lang=\"es\">", "Gracias por tu respuesta", "puesta en marcha", "5: mucha satisfacción");
		assertThat(new SurveyPages(http).click(invite("Jane Doe", "en", "csat").link(2)).body())
			.contains("<html lang=\"en\">", "Thank you for your answer", "the help you received", "1: very dissatisfied");
	}

	@Test
	void openingALinkRecordsNothingUntilThePageSubmitsItsForm() {
		Invitation invitation = invite("Jean Dupont", "fr", "nps");

		SurveyPages.Page opened = new SurveyPages(http).get(invitation.link(0));

		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.body()).contains("<form id=\"record\" method=\"post\"", "form.elements.scripted.value = 'yes'; form.submit();");
		String nonce = opened.body().replaceAll("(?s).*<script nonce=\"([^\"]+)\">.*", "$1");
		assertThat(opened.header("Content-Security-Policy")).contains("script-src 'nonce-" + nonce + "'", "form-action 'self'");
		assertThat(opened.header("Set-Cookie")).contains("HttpOnly", "SameSite=Lax", "Path=/surveys/");
		assertLockedDown(opened);
		assertThat(surveys.response(invitation.id())).as("a link scanner's fetch answers nothing").isEmpty();
	}

	@Test
	void tamperedAndUnknownLinksGetAPolitePageAndRecordNothing() {
		Invitation invitation = invite("Jean Dupont", "fr", "nps");
		String link = invitation.link(9);
		String otherScore = link.replace("." + 9 + ".", ".0.");
		String leadingZero = link.replace("." + 9 + ".", ".09.");
		int middle = link.length() - 11;
		String alteredSignature = link.substring(0, middle) + (link.charAt(middle) == 'A' ? 'B' : 'A') + link.substring(middle + 1);
		String unknown = SurveyLinks.PATH + links.token("00000000-0000-4000-8000-000000000000", 9);

		for (String path : new String[] { otherScore, leadingZero, unknown, alteredSignature, "/surveys/nonsense" }) {
			SurveyPages.Page page = new SurveyPages(http).get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).contains("link is not valid");
			assertLockedDown(page);
			assertThat(new SurveyPages(http).post(path, Map.of("csrf", "x")).status()).isEqualTo(404);
			assertThat(new SurveyPages(http).post(path + "/answer", Map.of("csrf", "x", "score", "1")).status()).isEqualTo(404);
		}
		assertThat(surveys.response(invitation.id())).isEmpty();
	}

	@Test
	void anExpiredLinkSaysTheSurveyHasClosedAndRecordsNothing() {
		Invitation invitation = invite("Ana García", "es", "nps");
		SurveyPages browser = new SurveyPages(http);
		String csrf = browser.get(invitation.link(9)).csrf();
		EngineTime.advance(Duration.ofDays(30));

		SurveyPages.Page page = browser.get(invitation.link(9));
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("Esta encuesta ya está cerrada");
		assertLockedDown(page);
		assertThat(browser.post(invitation.link(9), Map.of("csrf", csrf)).status()).isEqualTo(410);
		assertThat(surveys.response(invitation.id())).isEmpty();
	}

	@Test
	void aFormWithoutItsCookieOrFromAnotherInvitationIsRefused() {
		Invitation invitation = invite("Jean Dupont", "fr", "nps");
		Invitation another = invite("Jane Doe", "en", "nps");
		SurveyPages browser = new SurveyPages(http);
		String csrf = browser.get(invitation.link(7)).csrf();
		String anotherCsrf = browser.get(another.link(7)).csrf();

		SurveyPages.Page withoutCookie = new SurveyPages(http).post(invitation.link(7), Map.of("csrf", csrf));
		assertThat(withoutCookie.status()).isEqualTo(403);
		assertThat(withoutCookie.body()).contains("Cette page a expiré", "href=\"" + invitation.link(7) + "\"");
		assertLockedDown(withoutCookie);
		assertThat(browser.post(invitation.link(7), Map.of("csrf", anotherCsrf)).status()).isEqualTo(403);
		assertThat(browser.post(invitation.link(7), Map.of()).status()).isEqualTo(403);
		assertThat(surveys.response(invitation.id())).isEmpty();

		assertThat(browser.post(invitation.link(7), Map.of("csrf", csrf)).status()).isEqualTo(303);
		assertThat(browser.post(invitation.link(7) + "/answer", Map.of("csrf", anotherCsrf, "score", "1")).status())
			.isEqualTo(403);
		assertThat(surveys.response(invitation.id())).get().extracting(SurveyResponse::score).isEqualTo(7);
	}

	@Test
	void aScoreOffTheScaleOrAnOversizedCommentIsRefusedWithTheReasonAndChangesNothing() {
		Invitation invitation = invite("Jane Doe", "en", "onboarding");
		SurveyPages browser = new SurveyPages(http);
		browser.click(invitation.link(4));

		assertLockedDown(browser.get(invitation.link(4) + "/answer"));
		SurveyPages.Page offScale = browser.change(invitation.link(4), "9", "Good");
		assertThat(offScale.status()).isEqualTo(400);
		assertLockedDown(offScale);
		assertThat(offScale.body()).contains("Please choose a score from 1 to 5.", ">Good</textarea>");
		assertThat(browser.change(invitation.link(4), "four", null).status()).isEqualTo(400);

		String tooLong = "x".repeat(2001);
		SurveyPages.Page oversized = browser.change(invitation.link(4), "2", tooLong);
		assertThat(oversized.status()).isEqualTo(400);
		assertThat(oversized.body()).contains("Your comment is 2,001 characters long; please shorten it to 2,000 characters or fewer.",
				tooLong);
		assertThat(browser.change(invitation.link(4), "2", "bell\u0007").body())
			.contains("invisible control characters");

		SurveyResponse response = surveys.response(invitation.id()).orElseThrow();
		assertThat(response.score()).isEqualTo(4);
		assertThat(response.comment()).isNull();
		assertThat(browser.change(invitation.link(4), "2", "y".repeat(2000)).status()).as("2,000 is allowed").isEqualTo(303);
		String lines = "a\r\n".repeat(1000);
		assertThat(browser.change(invitation.link(4), "2", lines).status())
			.as("2,000 characters once line breaks are counted once, as the browser counted them").isEqualTo(303);
		String japanese = "満足".repeat(1000);
		assertThat(browser.change(invitation.link(4), "5", japanese).status()).as("in any script").isEqualTo(303);
		assertThat(surveys.response(invitation.id()).orElseThrow().comment()).isEqualTo(japanese);
	}

	/** No referrer, no framing, no script but the page's own: whatever the page and its status. */
	private static void assertLockedDown(SurveyPages.Page page) {
		String policy = page.header("Content-Security-Policy");
		assertThat(policy).as("status %d", page.status()).startsWith("default-src 'none'; ")
			.contains("frame-ancestors 'none'", "form-action 'self'")
			.doesNotContain("script-src 'unsafe", "script-src *", "'unsafe-eval'");
		assertThat(policy.replaceAll(".*script-src ?", "")).as("only a nonce, if any script")
			.matches(policy.contains("script-src") ? "'nonce-[A-Za-z0-9+/=]+'" : ".*");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	private record Invitation(String ref, String id, SurveyLinks survey) {

		String link(int score) {
			return SurveyLinks.PATH + survey.token(id, score);
		}

	}

	private Invitation invite(String name, String locale, String kind) {
		String ref = customers.create(name, locale, "Europe/Paris");
		return new Invitation(ref, SentSurveys.invitationOf(runtimeService, SentSurveys.start(runtimeService, jobs, ref, kind)),
				links);
	}

	private long countResponses(String invitationId) {
		return jdbc.queryForObject("select count(*) from survey_response where invitation_id = ?", Long.class, invitationId);
	}

}
