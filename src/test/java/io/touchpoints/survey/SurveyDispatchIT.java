package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.UsageEvents;

/**
 * Issue 11: surveys at the lifecycle's moments, survey fatigue, the reminder and the close, by executing the
 * engine's jobs and moving its clock.
 */
@IntegrationTest
class SurveyDispatchIT {

	private static final Pattern SCORE_LINK = Pattern.compile("(?m)^(\\d+) ?: (http://localhost:8080(/surveys/[A-Za-z0-9._-]+))");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

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
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Surveys surveys;

	LifecycleSteps lifecycle;

	@BeforeEach
	void steps() {
		lifecycle = new LifecycleSteps(api, users, jobs, runtimeService, taskService);
	}

	@Test
	void whenOnboardingCompletesTheCustomerIsAskedHowItWentInTheirLanguage() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		String onboarding = customers.purchase(ref, false);
		EngineTime.advance(Duration.ofDays(9));
		lifecycle.completeOnboarding(ref, onboarding);

		ProcessInstance survey = dispatchOf(ref, "onboarding");
		assertThat(survey).as("the lifecycle calls the survey when onboarding completes").isNotNull();
		deliver(survey);

		MimeMessage email = SentSurveys.single(surveyEmails(ref));
		assertThat(ReceivedMail.subject(email)).isEqualTo("¿Qué tal fue tu puesta en marcha con Touchpoints?");
		assertThat(scoreLinks(email).keySet()).containsExactly(1, 2, 3, 4, 5);
		assertThat(ReceivedMail.part(email, "text/plain")).contains("Los enlaces funcionan hasta el ");
		assertThat(email.getHeader("List-Unsubscribe", null)).contains(".surveys.");
		assertThat(survey).isWaitingAt("Gateway_AnswerOrReminder");
		assertThat(stageOf(ref)).as("the survey does not hold the lifecycle back").isEqualTo("adoption");
	}

	@Test
	void atDay90TheCustomerGetsAnNpsSurvey() throws Exception {
		String ref = customers.create("Healthy Customer", "en", "Europe/London");
		String onboarding = customers.purchase(ref, false);
		lifecycle.completeOnboarding(ref, onboarding);
		lifecycle.passDay90(ref);

		ProcessInstance survey = dispatchOf(ref, "nps");
		assertThat(survey).as("the lifecycle calls the NPS survey at day 90").isNotNull();
		deliver(survey);

		MimeMessage email = SentSurveys.single(surveyEmails(ref));
		assertThat(ReceivedMail.subject(email)).isEqualTo("One question: would you recommend Touchpoints?");
		assertThat(scoreLinks(email).keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(ReceivedMail.part(email, "text/html")).contains("How likely are you to recommend Touchpoints",
				"0 = not at all likely", "Reply to this email");
		assertThat(stageOf(ref)).isEqualTo("engagement");
	}

	@Test
	void aSecondSurveyOfTheSameKindWithin90DaysIsNotSentAndTheTimelineSaysWhy() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		deliver(start(ref, "nps"));
		EngineTime.advance(Duration.ofDays(89));

		ProcessInstance second = start(ref, "nps");

		assertThat(second).isEnded().hasPassed("EndEvent_NotSent");
		assertThat(surveyEmails(ref)).hasSize(1);
		assertThat(api.timelineSummaries(users.csm(), ref))
			.contains("Survey 'nps' not sent: A survey of this kind was sent within the last 90 days");

		EngineTime.advance(Duration.ofDays(1));
		ProcessInstance third = start(ref, "nps");
		deliver(third);
		assertThat(third).as("90 days later the fatigue rule lets it through").hasPassed("ServiceTask_SendSurvey");
	}

	@Test
	void aCsatGivesWayToASurveyOfTheLast90Days() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		deliver(start(ref, "nps"));
		EngineTime.advance(Duration.ofDays(10));

		assertThat(start(ref, "csat")).isEnded().hasPassed("EndEvent_NotSent");
		assertThat(api.timelineSummaries(users.csm(), ref))
			.contains("Survey 'csat' not sent: Another survey was sent within the last 90 days");
	}

	@Test
	void aCsatAtMostOnceIn30Days() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		deliver(start(ref, "csat"));
		EngineTime.advance(Duration.ofDays(29));

		assertThat(start(ref, "csat")).isEnded().hasPassed("EndEvent_NotSent");
		assertThat(api.timelineSummaries(users.csm(), ref))
			.contains("Survey 'csat' not sent: A CSAT survey was sent within the last 30 days");

		EngineTime.advance(Duration.ofDays(2));
		ProcessInstance later = start(ref, "csat");
		deliver(later);
		assertThat(later).as("31 days after the last CSAT, no other survey since").hasPassed("ServiceTask_SendSurvey");
		assertThat(surveyEmails(ref)).hasSize(2);
	}

	@Test
	void noSurveyWhileASupportTicketIsOpen() {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(UsageEvents.event(ref, "ticket", "\"opened\"",
				EngineTime.now().minusSeconds(60), "{\"channel\":\"email\",\"ticketId\":\"S-" + ref + "\"}")));

		assertThat(start(ref, "nps")).isEnded().hasPassed("EndEvent_NotSent");
		assertThat(surveyEmails(ref)).isEmpty();
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Survey 'nps' not sent: A support ticket of theirs is open");

		api.post(users.integration(), "/api/usage-events", UsageEvents.batch(UsageEvents.event(ref, "ticket", "\"resolved\"",
				EngineTime.now().minusSeconds(30), "{\"channel\":\"email\",\"ticketId\":\"S-" + ref + "\",\"agentContacts\":1}")));
		assertThat(start(ref, "nps")).as("resolved: the survey goes").hasPassed("ServiceTask_SendSurvey");
	}

	@Test
	void noSurveyAfterTheCustomerOptedOutOfSurveys() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		ProcessInstance first = start(ref, "nps");
		deliver(first);
		String unsubscribe = SentSurveys.single(surveyEmails(ref)).getHeader("List-Unsubscribe", null).replaceAll("^<http://localhost:8080|>$", "");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		assertThat(http.postForEntity(unsubscribe, new HttpEntity<>("List-Unsubscribe=One-Click", headers), String.class)
			.getStatusCode().value()).isEqualTo(200);
		EngineTime.advance(Duration.ofDays(40));

		assertThat(start(ref, "csat")).isEnded().hasPassed("EndEvent_NotSent");
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Survey 'csat' not sent: The customer opted out of survey emails");
		assertThat(surveyEmails(ref)).hasSize(1);
	}

	@Test
	void oneReminderAfterThreeDaysWithTheSameLinksThenTheSurveyClosesWhenTheLinksExpire() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		ProcessInstance survey = start(ref, "nps");
		deliver(survey);
		Map<Integer, String> links = scoreLinks(SentSurveys.single(surveyEmails(ref)));

		EngineTime.advance(Duration.ofDays(2));
		jobs.executeAll(survey.getId());
		assertThat(surveyEmails(ref)).as("no reminder before three days").hasSize(1);

		EngineTime.advance(Duration.ofDays(1).plusMinutes(1));
		deliver(survey);
		List<MimeMessage> emails = surveyEmails(ref);
		assertThat(emails).hasSize(2);
		assertThat(ReceivedMail.subject(emails.get(1))).isEqualTo("Rappel : recommanderiez-vous Touchpoints ?");
		assertThat(scoreLinks(emails.get(1))).isEqualTo(links);
		assertThat(survey).isWaitingAt("Gateway_AnswerOrExpiry");

		EngineTime.advance(Duration.ofDays(27));
		deliver(survey);
		assertThat(survey).isEnded().hasPassed("EndEvent_Unanswered");
		assertThat(surveyEmails(ref)).as("one reminder only").hasSize(2);
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Survey 'nps' closed without an answer");
		assertThat(http.getForEntity(links.get(9), String.class).getStatusCode().value()).as("expired links").isEqualTo(410);
	}

	@Test
	void noReminderOnceTheCustomerAnswered() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		ProcessInstance survey = start(ref, "nps");
		deliver(survey);
		String invitation = (String) runtimeService.getVariable(survey.getId(), SurveyProcess.INVITATION);
		SurveyPages.answer(http, scoreLinks(SentSurveys.single(surveyEmails(ref))).get(10));

		jobs.executeAll(survey.getId());
		assertThat(survey).isEnded().hasPassed("MessageEvent_AnsweredBeforeReminder", "EndEvent_ThankedPromoter");
		assertThat(surveys.response(invitation)).get().extracting(SurveyResponse::score).isEqualTo(10);
		EngineTime.advance(Duration.ofDays(4));
		assertThat(managementService.createJobQuery().processInstanceId(survey.getId()).count()).isZero();
		assertThat(surveyEmails(ref)).hasSize(1);
	}

	@Test
	void anAnswerWhoseMessageWasLostStillStopsTheReminder() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		ProcessInstance survey = start(ref, "nps");
		deliver(survey);
		String invitation = (String) runtimeService.getVariable(survey.getId(), SurveyProcess.INVITATION);
		// Recorded the way the answer page records it, but the message to the dispatch never left (a crash).
		surveys.answer(surveys.find(invitation).orElseThrow(), 3, EngineTime.now());

		EngineTime.advance(Duration.ofDays(3).plusMinutes(1));
		deliver(survey);

		assertThat(surveyEmails(ref)).as("no reminder").hasSize(1);
		assertThat(survey).hasPassed("Gateway_AnsweredByReminder", "Gateway_Answered").isWaitingAt("UserTask_CallBack");
		assertThat(taskService.createTaskQuery().processInstanceId(survey.getId()).singleResult().getName())
			.as("the detractor is called back all the same").isEqualTo("Call back Jean Dupont");
	}

	@Test
	void anAnswerWhoseDispatchCannotBeToldAtOnceIsRecordedAndCountsAtTheReminder() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		ProcessInstance survey = start(ref, "nps");
		deliver(survey);
		String invitation = (String) runtimeService.getVariable(survey.getId(), SurveyProcess.INVITATION);
		// The answer and the dispatch usually commit together; a suspended dispatch refuses the message.
		runtimeService.suspendProcessInstanceById(survey.getId());

		SurveyPages.answer(http, scoreLinks(SentSurveys.single(surveyEmails(ref))).get(4));

		assertThat(surveys.response(invitation)).as("recorded on its own").get().extracting(SurveyResponse::score)
			.isEqualTo(4);
		assertThat(survey).isWaitingAt("Gateway_AnswerOrReminder");
		runtimeService.activateProcessInstanceById(survey.getId());
		EngineTime.advance(Duration.ofDays(3).plusMinutes(1));
		deliver(survey);
		assertThat(surveyEmails(ref)).as("no reminder").hasSize(1);
		assertThat(survey).isWaitingAt("UserTask_CallBack");
	}

	@Test
	void anUnknownSurveyKindIsAnIncidentNamingTheKinds() {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		ProcessInstance survey = start(ref, "happiness");

		assertThat(managementService.createJobQuery().processInstanceId(survey.getId()).singleResult().getExceptionMessage())
			.contains("Variable 'surveyKind' must be one of onboarding, nps, relationship-nps, csat, not 'happiness'");
	}

	private ProcessInstance start(String ref, String kind) {
		return SentSurveys.start(runtimeService, jobs, ref, kind);
	}

	/** Runs the survey's due jobs, and an email deferred to the customer's daytime or next week at its time. */
	private void deliver(ProcessInstance survey) {
		jobs.executeAll(survey.getId());
		for (int round = 0; round < 3; round++) {
			Job deferred = managementService.createJobQuery().processInstanceId(survey.getId()).activityId("ServiceTask_SendSurvey")
				.singleResult();
			if (deferred == null) {
				deferred = managementService.createJobQuery().processInstanceId(survey.getId())
					.activityId("ServiceTask_SendReminder").singleResult();
			}
			if (deferred == null || deferred.getDuedate() == null || !deferred.getDuedate().toInstant().isAfter(EngineTime.now())) {
				return;
			}
			EngineTime.set(deferred.getDuedate().toInstant());
			jobs.executeAll(survey.getId());
		}
	}

	private ProcessInstance dispatchOf(String ref, String kind) {
		List<ProcessInstance> dispatches = lifecycle.dispatchesOf(ref, kind);
		return dispatches.isEmpty() ? null : dispatches.get(0);
	}

	private String stageOf(String ref) {
		return lifecycle.stageOf(ref);
	}


	/** Score → the path of its one-click link, from the email's text part. */
	static Map<Integer, String> scoreLinks(MimeMessage email) throws Exception {
		Map<Integer, String> links = new java.util.LinkedHashMap<>();
		Matcher link = SCORE_LINK.matcher(ReceivedMail.part(email, "text/plain"));
		while (link.find()) {
			links.put(Integer.parseInt(link.group(1)), link.group(3));
		}
		return links;
	}

	private List<MimeMessage> surveyEmails(String ref) {
		return SentSurveys.surveyEmails(smtp, ref);
	}

}
