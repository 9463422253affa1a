package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.touchpoints.customer.LifecycleStage;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;

/**
 * Issue 11, closing the loop: what {@code survey-follow-up.dmn} decides after an answer. A detractor's call back
 * from a person (for the team and within the time the routing table sets), a passive's and a promoter's thank-you.
 */
@IntegrationTest
class SurveyFollowUpIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	TestRestTemplate http;

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
	TaskService taskService;

	@Autowired
	DecisionService decisions;

	@Test
	void aDetractorGetsACallBackFromTheirCsmWithTheCommentAndTheirEarlierAnswers() throws Exception {
		String ref = customers.create("Jean Dupont", "fr", "Europe/Paris");
		answer(ref, "onboarding", 4, "Bien, mais la formation était courte.");
		EngineTime.advance(Duration.ofDays(90));

		ProcessInstance survey = answer(ref, "nps", 3, "Les rapports sont trop lents.");

		Task callBack = taskService.createTaskQuery().processInstanceId(survey.getId()).singleResult();
		assertThat(callBack.getName()).isEqualTo("Call back Jean Dupont");
		assertThat(taskService.getIdentityLinksForTask(callBack.getId())).extracting(IdentityLink::getGroupId).contains("csm");
		assertThat(Duration.between(EngineTime.now(), callBack.getDueDate().toInstant())).isEqualTo(Duration.ofHours(48));
		Map<String, Object> form = taskService.getVariables(callBack.getId());
		assertThat(form).containsEntry("surveyScore", 3)
			.containsEntry("surveyComment", "Les rapports sont trop lents.")
			.containsEntry("surveyKind", "nps")
			.containsEntry("customerName", "Jean Dupont");
		assertThat((String) form.get("earlierAnswers")).contains("onboarding · 4 of 5 · “Bien, mais la formation était courte.”");
		assertThat((String) form.get("taskReason")).isEqualTo("Jean Dupont answered the nps survey with 3. Call them before this "
				+ "task is due: listen, find the root cause, fix what you can, and record what you learned.");

		assertThat(api.post(users.csm(), "/engine-rest/task/" + callBack.getId() + "/claim", "{\"userId\":\"" + TestUsers.CSM + "\"}")
			.getStatusCode().value()).isEqualTo(204);
		var completed = api.post(users.csm(), "/engine-rest/task/" + callBack.getId() + "/submit-form", """
				{"variables":{"reached":{"value":"yes"},"rootCause":{"value":"performance"},"resolved":{"value":true},
				 "outcome":{"value":"Reports were slow on their large account; fixed by the index of release 4.2"}}}""");
		assertThat(completed.getStatusCode().value()).as(String.valueOf(completed.getBody())).isEqualTo(204);
		assertThat(survey).isEnded().hasPassed("EndEvent_CalledBack");
		assertThat(api.get(users.csm(), "/api/customers/" + ref + "/timeline").getBody().toString())
			.contains("Task 'Call back Jean Dupont' completed", "fixed by the index of release 4.2",
					"Answered the 'nps' survey: 3 (scale 0–10)", "Commented on the 'nps' survey",
					"Called back after the 'nps' survey: reached, root cause 'performance', resolved");
	}

	@Test
	void aKeyAccountsUnhappyRatingIsCalledBackWithinADay() {
		String ref = customers.create("Big Account", "en", "Europe/London", "enterprise", 120000);

		ProcessInstance survey = answer(ref, "csat", 2, null);

		Task callBack = taskService.createTaskQuery().processInstanceId(survey.getId()).singleResult();
		assertThat(callBack.getName()).isEqualTo("Call back Big Account");
		assertThat(Duration.between(EngineTime.now(), callBack.getDueDate().toInstant())).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void aPassiveIsThankedAndAskedWhatWouldMakeItATen() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		ProcessInstance survey = answer(ref, "nps", 8, null);

		assertThat(survey).isEnded().hasPassed("EndEvent_ThankedPassive");
		assertThat(taskService.createTaskQuery().processInstanceId(survey.getId()).count()).isZero();
		assertThat(subjects(ref)).contains("Gracias, Ana García: ¿qué haría falta para un 10?");
	}

	@Test
	void aPromoterIsInvitedToReviewOrReferAtMostOnceIn180Days() throws Exception {
		String ref = customers.create("Jane Doe", "en", "Europe/London");

		ProcessInstance first = answer(ref, "nps", 10, null);
		assertThat(first).isEnded().hasPassed("EndEvent_ThankedPromoter");
		MimeMessage invitation = emails(ref).stream().filter(email -> ReceivedMail.subject(email).equals("Thank you, Jane Doe!"))
			.findFirst().orElseThrow();
		assertThat(ReceivedMail.part(invitation, "text/plain")).contains("a short review helps other teams decide: http",
				"Introduce them to us: http");

		EngineTime.advance(Duration.ofDays(120));
		customers.inStage(ref, LifecycleStage.ENGAGEMENT);
		ProcessInstance second = answer(ref, "relationship-nps", 9, null);
		assertThat(second).isEnded().hasPassed("EndEvent_NoFollowUp");
		assertThat(subjects(ref)).filteredOn("Thank you, Jane Doe!"::equals).hasSize(1);

		EngineTime.advance(Duration.ofDays(70));
		ProcessInstance third = answer(ref, "nps", 10, null);
		assertThat(third).as("190 days after the invitation").isEnded().hasPassed("EndEvent_ThankedPromoter");
		assertThat(subjects(ref)).filteredOn("Thank you, Jane Doe!"::equals).hasSize(2);
	}

	@Test
	void theFiguresShowHowManyDetractorsWereCalledBackWithin48HoursAndWhatWasLearned() {
		EngineTime.set(java.time.Instant.parse("2025-06-02T10:00:00Z"));
		List<ProcessInstance> surveys = new ArrayList<>();
		for (String name : List.of("Early Caller", "Late Caller", "Not Called Yet")) {
			surveys.add(answer(customers.create(name, "en", "Europe/London"), "nps", 3, null));
		}
		EngineTime.advance(Duration.ofHours(10));
		complete(surveys.get(0), "yes", "performance", true);
		EngineTime.advance(Duration.ofHours(50));
		complete(surveys.get(1), "no", "unknown", false);

		JsonNode loop = api.get(users.cxOps(), "/api/metrics/nps?from=2025-06&to=2025-06").getBody().get("closingTheLoop");

		assertThat(loop.get("callBacks").asInt()).isEqualTo(3);
		assertThat(loop.get("done").asInt()).isEqualTo(2);
		assertThat(loop.get("open").asInt()).isEqualTo(1);
		assertThat(loop.get("doneWithin48Hours").asInt()).isEqualTo(1);
		assertThat(loop.get("doneWithin48HoursShare").asDouble()).isEqualTo(0.3333);
		assertThat(loop.get("medianHoursToCallBack").asDouble()).as("10 and 60 hours").isEqualTo(35.0);
		assertThat(loop.get("reached").asInt()).isOne();
		assertThat(loop.get("notReached").asInt()).isOne();
		assertThat(loop.get("resolved").asInt()).isOne();
		assertThat(loop.get("rootCauses").get("performance").asInt()).isOne();
		assertThat(loop.get("rootCauses").get("unknown").asInt()).isOne();
	}

	private void complete(ProcessInstance survey, String reached, String rootCause, boolean resolved) {
		Task callBack = taskService.createTaskQuery().processInstanceId(survey.getId()).singleResult();
		taskService.complete(callBack.getId(), Map.of("reached", reached, "rootCause", rootCause, "resolved", resolved,
				"outcome", "Called"));
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource(nullValues = "none", value = { "nps, 0, call-back", "nps, 6, call-back", "nps, 7, thank-passive",
			"nps, 8, thank-passive", "nps, 9, thank-promoter", "relationship-nps, 10, thank-promoter",
			"relationship-nps, 6, call-back", "csat, 1, call-back", "csat, 2, call-back", "csat, 3, none",
			"onboarding, 2, call-back", "onboarding, 3, none", "onboarding, 5, none" })
	void theFollowUpTableDrawsItsLinesAtTheBandsEdges(String kind, int score, String followUp) {
		Map<String, Object> answer = new java.util.HashMap<>(Map.of("surveyKind", kind, "surveyScore", score,
				"hasComment", false, "stage", "engagement", "tier", "standard", "annualValue", 1000.0));
		answer.put("daysSinceLastPromoterInvitation", null);
		var result = decisions.evaluateDecisionByKey("survey-follow-up").variables(answer).evaluate().getSingleResult();
		String decided = result == null ? null : result.getSingleEntry();
		assertThat(decided).isEqualTo(followUp);
	}

	@Test
	void aSatisfiedRatingNeedsNoFollowUp() {
		String ref = customers.create("Jane Doe", "en", "Europe/London");

		ProcessInstance survey = answer(ref, "onboarding", 4, "Smooth.");

		assertThat(survey).isEnded().hasPassed("EndEvent_NoFollowUp");
	}

	/** Sends the survey, answers it on its page (score, then the comment if any) and runs what follows. */
	private ProcessInstance answer(String ref, String kind, int score, String comment) {
		ProcessInstance survey = SentSurveys.start(runtimeService, jobs, ref, kind);
		String invitation = SentSurveys.invitationOf(runtimeService, survey);
		SurveyPages browser = new SurveyPages(http);
		String link = SurveyLinks.PATH + links.token(invitation, score);
		browser.click(link);
		if (comment != null) {
			browser.change(link, Integer.toString(score), comment);
		}
		jobs.executeAll(survey.getId());
		return survey;
	}

	@Autowired
	SurveyLinks links;

	private List<String> subjects(String ref) {
		return emails(ref).stream().map(ReceivedMail::subject).toList();
	}

	private List<MimeMessage> emails(String ref) {
		return new ArrayList<>(List.of(smtp.getReceivedMessagesForDomain(Customers.email(ref))));
	}

}
