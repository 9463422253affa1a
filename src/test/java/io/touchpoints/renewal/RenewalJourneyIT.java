package io.touchpoints.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import io.touchpoints.customer.LifecycleStage;
import io.touchpoints.process.ModelNames;
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
 * The renewal journey of a subscription, by its timers' due dates and by executing them at those moments: reminders on
 * the customer's calendar, a cycle per renewal date, moved dates moving the waiting reminder, cancellations ending it.
 */
@IntegrationTest
class RenewalJourneyIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	/** 90 days before 23 November 2027, 09:00 in Los Angeles (summer time). */
	static final Instant VALUE_SUMMARY_DUE = Instant.parse("2027-08-25T16:00:00Z");

	/** 30 days before, 09:00 in Los Angeles (still summer time on 24 October). */
	static final Instant NOTICE_DUE = Instant.parse("2027-10-24T16:00:00Z");

	/** The day after, 09:00 in Los Angeles (winter time since 7 November). */
	static final Instant OVERDUE = Instant.parse("2027-11-24T17:00:00Z");

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
	HistoryService historyService;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RenewalBackfill backfill;

	String ref;

	String purchase;

	@BeforeEach
	void aCustomerInLosAngeles() {
		ref = customers.create("Zoe Brooks", "en", "America/Los_Angeles", "standard", 12000);
		purchase = "po-" + ref;
	}

	@Test
	void aPurchaseStartsACycleWaitingUntilNinetyDaysBeforeOnTheCustomersCalendar() {
		buy("2027-11-23");

		ProcessInstance cycle = cycle();

		assertThat(timerDue(cycle)).isEqualTo(VALUE_SUMMARY_DUE);
		assertThat(runtimeService.getVariable(cycle.getId(), "renewalCycle")).isEqualTo(1);
		assertThat(runtimeService.getVariable(cycle.getId(), "renewalDate")).isEqualTo("2027-11-23");
		assertThat(runtimeService.getVariable(cycle.getId(), "reminderAtLocal")).as("as Cockpit shows it")
			.isEqualTo("2027-08-25 09:00 America/Los_Angeles");
		assertThat(cycle).isWaitingAt("TimerEvent_ValueSummary");
	}

	@Test
	void aCycleSendsTheValueSummaryThenTheNoticeThenAsksTheCsmAboutAnOverdueRenewal() throws Exception {
		buy("2027-11-23");
		Instant day = Instant.parse("2026-11-23T17:00:00Z");
		EngineTime.set(day.plus(Duration.ofDays(2)));
		usage(UsageEvents.login(ref, day), UsageEvents.login(ref, day.plus(Duration.ofDays(1))),
				UsageEvents.featureUsed(ref, "reports", day), UsageEvents.featureUsed(ref, "exports", day),
				ticket("opened", day, ""), ticket("resolved", day.plus(Duration.ofHours(2)), ",\"agentContacts\":1"));
		ProcessInstance cycle = cycle();

		EngineTime.set(VALUE_SUMMARY_DUE);
		jobs.executeAll(cycle.getId());

		MimeMessage summary = onlyEmail();
		assertThat(ReceivedMail.subject(summary)).isEqualTo("Your year with Touchpoints: a summary before your renewal");
		assertThat(ReceivedMail.part(summary, "text/plain")).contains("since November 23, 2026")
			.contains("Days your team used Touchpoints: 2")
			.contains("Features used: 2")
			.contains("Support tickets resolved: 1")
			.contains("Your latest recommendation score (0 to 10): —")
			.contains("Your Pro plan renews on November 23, 2027.");
		assertThat(timerDue(cycle)).isEqualTo(NOTICE_DUE);

		EngineTime.set(NOTICE_DUE);
		jobs.executeAll(cycle.getId());

		MimeMessage notice = smtp.getReceivedMessages()[1];
		assertThat(ReceivedMail.subject(notice)).isEqualTo("Your Pro subscription renews on November 23, 2027");
		assertThat(ReceivedMail.part(notice, "text/plain")).contains("€12,000.00");
		assertThat(timerDue(cycle)).isEqualTo(OVERDUE);

		EngineTime.set(OVERDUE);
		jobs.executeAll(cycle.getId());

		Task overdue = taskService.createTaskQuery().processInstanceId(cycle.getId()).singleResult();
		assertThat(overdue.getName()).isEqualTo("Renewal overdue");
		assertThat(overdue.getPriority()).isEqualTo(80);
		assertThat(overdue.getDueDate().toInstant()).isEqualTo(OVERDUE.plus(Duration.ofHours(120)));
		assertThat(taskService.getIdentityLinksForTask(overdue.getId())).anyMatch(link -> "csm".equals(link.getGroupId()));
		assertThat(overdue.getDescription()).contains(purchase).contains("2027-11-23");
		assertThat(smtp.getReceivedMessages()).as("each email once").hasSize(2);
	}

	@Test
	void aRenewalEndsTheCycleAndTheNextRunsTowardsTheNewDate() {
		buy("2027-11-23");
		ProcessInstance first = cycle();

		assertThat(api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", """
				{"renewalDate":"2028-11-23","annualValue":13200}""").getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(first.getId())
			.activityId("EndEvent_CycleRenewed").count()).isOne();
		ProcessInstance next = cycle();
		assertThat(next.getId()).isNotEqualTo(first.getId());
		assertThat(runtimeService.getVariable(next.getId(), "renewalCycle")).isEqualTo(2);
		assertThat(timerDue(next)).as("25 August 2028, 09:00 in Los Angeles").isEqualTo(Instant.parse("2028-08-25T16:00:00Z"));
	}

	@Test
	void aMovedRenewalDateMovesTheWaitingReminderAndAReminderNowPastIsSentAtOnceAndOnce() throws Exception {
		buy("2027-11-23");
		ProcessInstance cycle = cycle();

		change("2028-01-31");

		assertThat(timerDue(cycle)).as("2 November 2027, 09:00 summer time").isEqualTo(Instant.parse("2027-11-02T16:00:00Z"));
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Renewal of '" + purchase
				+ "' moved to 2028-01-31: the next step (90 days before) now falls on 2027-11-02 09:00 America/Los_Angeles");

		// 10:00 in Los Angeles: the late reminder is not held for the customer's morning.
		EngineTime.set(Instant.parse("2026-11-23T18:00:00Z"));
		change("2027-02-01");
		jobs.executeAll(cycle.getId());

		assertThat(smtp.getReceivedMessages()).as("the value summary, late rather than never").hasSize(1);
		assertThat(ReceivedMail.part(smtp.getReceivedMessages()[0], "text/plain")).contains("renews on February 1, 2027");
		assertThat(timerDue(cycle)).as("30 days before 1 February 2027").isEqualTo(Instant.parse("2027-01-02T17:00:00Z"));
		jobs.executeAll(cycle.getId());
		assertThat(smtp.getReceivedMessages()).as("not twice").hasSize(1);
	}

	@Test
	void aShortFirstTermSkipsTheRemindersThatFellBeforeItBegan() {
		buy("2027-01-07");

		ProcessInstance cycle = cycle();
		jobs.executeAll(cycle.getId());

		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
			.activityId("TimerEvent_ValueSummary").count()).isZero();
		assertThat(cycle).isWaitingAt("TimerEvent_Notice");
		assertThat(timerDue(cycle)).as("8 December 2026, 09:00 in Los Angeles").isEqualTo(Instant.parse("2026-12-08T17:00:00Z"));
	}

	@Test
	void aCancellationEndsTheCycleAlsoOneAsOfTheEndOfTheTerm() {
		buy("2027-11-23");
		ProcessInstance cycle = cycle();

		api.post(users.integration(), "/api/subscriptions/" + purchase + "/cancellation", """
				{"reasons":["not_using"],"effective":"end_of_term"}""");

		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
			.activityId("EndEvent_CycleCancelled").count()).isOne();
		assertThat(managementService.createJobQuery().processInstanceId(cycle.getId()).count()).isZero();
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ModelNames.RENEWAL)
			.processInstanceBusinessKey(ref).count()).isZero();
	}

	@Test
	void aRenewalDueMovesAnEngagedCustomerToStageRenewalAndTheRenewalBringsThemBack() {
		buy("2027-11-23");
		ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE).processInstanceBusinessKey(ref).singleResult();
		// As if onboarding and the first 90 days were over.
		runtimeService.createProcessInstanceModification(lifecycle.getId()).startBeforeActivity("Gateway_UntilRenewal").execute();
		customers.inStage(ref, LifecycleStage.ENGAGEMENT);

		EngineTime.set(VALUE_SUMMARY_DUE);
		jobs.executeAll(cycle().getId());

		assertThat(stage()).isEqualTo("renewal");
		assertThat(api.post(users.integration(), "/api/subscriptions/" + purchase + "/renewal", """
				{"renewalDate":"2028-11-23","annualValue":12000}""").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(stage()).isEqualTo("engagement");
		assertThat(lifecycle).isWaitingAt("Gateway_UntilRenewal");
	}

	@Test
	void aRenewalDateMovedOnceTheRenewalIsOverdueStartsTheCycleAgainTowardsIt() {
		buy("2027-11-23");
		ProcessInstance cycle = cycle();
		EngineTime.set(OVERDUE);
		jobs.executeAll(cycle.getId());
		assertThat(taskService.createTaskQuery().processInstanceId(cycle.getId()).count()).isOne();

		change("2028-01-31");

		assertThat(taskService.createTaskQuery().processInstanceId(cycle.getId()).count())
			.as("the overdue task left Tasklist").isZero();
		ProcessInstance again = cycle();
		jobs.executeAll(again.getId());
		assertThat(again.getId()).isNotEqualTo(cycle.getId());
		assertThat(runtimeService.getVariable(again.getId(), "renewalCycle")).isEqualTo(1);
		assertThat(again).as("90 days before fell before the cycle began again: skipped, not sent late")
			.isWaitingAt("TimerEvent_Notice");
		assertThat(timerDue(again)).as("1 January 2028, 09:00 in Los Angeles").isEqualTo(Instant.parse("2028-01-01T17:00:00Z"));
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Renewal of '" + purchase
				+ "' moved to 2028-01-31: its renewal cycle starts again towards it");
	}

	@Test
	void subscriptionsFromBeforeTheJourneyWhoseRenewalIsAheadGetTheirFirstCycleWhenANodeStartsOnce() {
		String past = "past-" + ref;
		api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"%s","plan":"pro","startDate":"2025-10-01","renewalDate":"2026-10-01"}""".formatted(past));
		forgetCycleOf(past);
		buy("2027-11-23");
		forgetCycleOf(purchase);

		backfill.startMissingCycles();
		backfill.startMissingCycles();

		List<ProcessInstance> cycles = runtimeService.createProcessInstanceQuery().processDefinitionKey(ModelNames.RENEWAL)
			.processInstanceBusinessKey(ref).list();
		assertThat(cycles).as("one, and none for the subscription whose renewal date has passed").hasSize(1);
		assertThat(runtimeService.getVariable(cycles.get(0).getId(), "purchaseId")).isEqualTo(purchase);
		assertThat(timerDue(cycles.get(0))).isEqualTo(VALUE_SUMMARY_DUE);
	}

	private void forgetCycleOf(String purchaseId) {
		runtimeService.createProcessInstanceQuery().processDefinitionKey(ModelNames.RENEWAL)
			.variableValueEquals("purchaseId", purchaseId).list()
			.forEach(cycle -> runtimeService.deleteProcessInstance(cycle.getId(), "as if recorded before the journey"));
		jdbc.update("delete from renewal_cycle where subscription_id = (select id from subscription where purchase_id = ?)",
				purchaseId);
	}

	private void buy(String renewalDate) {
		assertThat(api.post(users.integration(), "/api/customers/" + ref + "/purchases", """
				{"purchaseId":"%s","plan":"pro","startDate":"2026-11-23","renewalDate":"%s","annualValue":12000}"""
			.formatted(purchase, renewalDate)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private void change(String renewalDate) {
		assertThat(api.put(users.integration(), "/api/subscriptions/" + purchase, """
				{"plan":"pro","renewalDate":"%s","annualValue":12000}""".formatted(renewalDate)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	private ProcessInstance cycle() {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ModelNames.RENEWAL)
			.processInstanceBusinessKey(ref)
			.singleResult();
	}

	private Instant timerDue(ProcessInstance cycle) {
		Job timer = managementService.createJobQuery().processInstanceId(cycle.getId()).timers().singleResult();
		return timer.getDuedate().toInstant();
	}

	private MimeMessage onlyEmail() {
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(Arrays.stream(received).map(ReceivedMail::subject)).hasSize(1);
		return received[0];
	}

	private String stage() {
		return api.get(users.integration(), "/api/customers/" + ref).getBody().get("stage").asText();
	}

	private String ticket(String name, Instant at, String more) {
		return UsageEvents.event(ref, "ticket", "\"" + name + "\"", at,
				"{\"channel\":\"email\",\"ticketId\":\"T-" + ref + "\"" + more + "}");
	}

	private void usage(String... events) {
		JsonNode result = api.post(users.integration(), "/api/usage-events", UsageEvents.batch(events)).getBody();
		assertThat(result.get("rejected")).isEmpty();
	}

}
