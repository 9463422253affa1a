package io.touchpoints.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.touchpoints.support.Api;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.Customers;
import io.touchpoints.support.Browser;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.SignalTasks;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;

/** A customer-success manager works the kickoff task in Camunda Tasklist, in a real browser. */
@IntegrationTest
class TasklistBrowserIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Jobs jobs;

	@Autowired
	Customers customers;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FollowUpTasks followUpTasks;

	@Autowired
	io.touchpoints.adoption.PendingSignalTasks pendingSignalTasks;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	WebDriver browser;

	ProcessInstance instance;

	String customerName;

	@BeforeEach
	void kickoffTaskIsWaiting() {
		// Newer than every task other tests left at the shared engine time, so its card is on Tasklist's first page.
		EngineTime.advance(Duration.ofHours(1));
		browser = Browser.start();
		String ref = "tasklist-" + UUID.randomUUID();
		customerName = "Browser Customer " + ref.substring(9, 17);
		api.put(users.integration(), "/api/customers/" + ref, Api.customerJson(customerName, ref + "@example.com", "en"));
		String id = api.post(users.integration(), "/api/customers/" + ref + "/purchases", Api.purchaseJson("po-" + ref, true))
			.getBody()
			.get("processInstanceId")
			.asText();
		id = customers.onboardingOf(id);
		jobs.executeAll(id);
		instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
		assertThat(instance).isWaitingAt("UserTask_KickoffCall");
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void csmCompletesKickoffCallThroughTheForm() {
		logIn(users.csm());
		openTaskOf(customerName);
		click(By.cssSelector("button.claim"));
		// Claiming re-renders the form; typing before that would be lost.
		await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
		await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value",
				customerName));

		type(By.cssSelector("input[id$='Field_CallDate-date']"), "11/30/2026" + Keys.ENTER);
		type(By.cssSelector("textarea[id$='Field_Notes']"), "Wants SSO before the migration");
		type(By.cssSelector("input[id$='Field_MigrationNeeded']"), Keys.SPACE);
		click(By.xpath("//button[normalize-space(.)='Complete']"));

		await().until(driver -> taskService.createTaskQuery().taskDefinitionKey("UserTask_KickoffCall")
			.processInstanceId(instance.getId())
			.count() == 0);
		assertThat(instance).isWaitingAt("UserTask_DataMigrated", "UserTask_SetupVerified", "UserTask_TrainingCompleted");
		assertThat(instance).variables()
			.containsEntry("callDate", "2026-11-30")
			.containsEntry("notes", "Wants SSO before the migration")
			.containsEntry("migrationNeeded", true);
	}

	@Test
	void kickoffTaskShowsWhoTheCustomerIsAndWhyItExists() throws Exception {
		logIn(users.csm());
		await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//li[contains(., 'Hold kickoff call') and contains(., '" + customerName + "')]")));
		openTaskOf(customerName);

		assertThat(valueOf("Field_CustomerEmail")).endsWith("@example.com");
		assertThat(valueOf("Field_CustomerRef")).startsWith("tasklist-");
		assertThat(valueOf("Field_CustomerTimeZone")).isEqualTo("Europe/Madrid (UTC+01:00)");
		assertThat(valueOf("Field_CustomerLanguage")).isEqualTo("English (en)");
		assertThat(valueOf("Field_CustomerStage")).isEqualTo("onboarding");
		assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_TaskReason']")).getAttribute("value"))
			.contains("agree the onboarding plan");
		screenshot("kickoff-task-csm");
	}

	@Test
	void supportWorksAMilestoneTaskWithTheCustomersContextNotAVariableForm() throws Exception {
		String kickoff = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
		taskService.complete(kickoff, java.util.Map.of("callDate", "2026-11-24", "migrationNeeded", false));
		String setup = taskService.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey("UserTask_SetupVerified").singleResult().getId();
		logIn(users.support());
		await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(., 'Verify technical setup')]")));

		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + setup);
		await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value",
				customerName));

		assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_TaskReason']")).getAttribute("value"))
			.contains("technical setup");
		assertThat(browser.getPageSource()).doesNotContain("Add a variable");
		screenshot("milestone-task-support");
	}

	@Test
	void aFollowUpTaskShowsItsFormWithTheCustomersContextAndRecordsWhatWasDone() throws Exception {
		String ref = instance.getBusinessKey();
		String taskId = followUpTasks.create(FollowUp.of(ref, TaskTypes.CHECK_IN, "Check-in with " + customerName,
				"Call the customer about their first week."));
		logIn(users.csm());
		await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//li[contains(., 'Check-in with " + customerName + "')]")));

		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value",
				customerName));
		assertThat(valueOf("Field_CustomerRef")).isEqualTo(ref);
		assertThat(valueOf("Field_CustomerStage")).isEqualTo("onboarding");
		assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_TaskReason']")).getAttribute("value"))
			.isEqualTo("Call the customer about their first week.");
		assertThat(browser.getPageSource()).doesNotContain("Add a variable");
		screenshot("follow-up-task-csm");

		click(By.cssSelector("button.claim"));
		await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
		await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value",
				customerName));
		type(By.cssSelector("textarea[id$='Field_Outcome']"), "Held; they want a second call next week");
		click(By.xpath("//button[normalize-space(.)='Complete']"));

		await().until(driver -> taskService.createTaskQuery().taskId(taskId).count() == 0);
		assertThat(api.get(users.csm(), "/api/customers/" + ref + "/timeline").getBody().toString())
			.contains("Outcome: Held; they want a second call next week");
	}

	@Test
	void csmRecordsACheckInThroughItsForm() throws Exception {
		String ref = instance.getBusinessKey();
		String journey = runtimeService.createProcessInstanceQuery().processDefinitionKey("proactive-support")
			.processInstanceBusinessKey(ref).singleResult().getId();
		jobs.executeAll(journey);
		String checkInId = (String) runtimeService.getVariable(journey, "checkInId");
		String taskId = api.get(users.csm(), "/api/check-ins/" + checkInId).getBody().get("taskId").asText();
		String followUp = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
		logIn(users.csm());
		await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//li[contains(., 'Check-in with " + customerName + "')]")));

		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value",
				customerName));
		assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_TaskReason']")).getAttribute("value"))
			.contains("your first week");
		assertThat(browser.findElement(By.cssSelector("input[id$='Field_AdoptionFeatures']")).getAttribute("value"))
			.as("the customer's adoption summary").contains("features used");
		assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_AdoptionWeeks']")).getAttribute("value"))
			.as("their last weeks one by one").contains("Week of");
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
				browser.findElement(By.cssSelector("input[id$='Field_AdoptionAsOf']")));
		screenshot("check-in-adoption-summary-csm");
		click(By.cssSelector("button.claim"));
		await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
		await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value",
				customerName));
		select(By.cssSelector("input[id$='Field_Outcome-0']"));
		type(By.cssSelector("textarea[id$='Field_Notes']"), "Set up their first report together");
		select(By.cssSelector("input[id$='Field_Sentiment-0']"));
		select(By.cssSelector("input[id$='Field_Delight']"));
		type(By.cssSelector("input[id$='Field_DelightCause']"), "The report builder");
		await().until(ExpectedConditions.elementToBeSelected(By.cssSelector("input[id$='Field_Sentiment-0']")));
		screenshot("check-in-task-csm");
		click(By.xpath("//button[normalize-space(.)='Complete']"));

		await().until(driver -> taskService.createTaskQuery().taskId(taskId).count() == 0);
		var recorded = new java.util.HashMap<String, Object>();
		historyService.createHistoricVariableInstanceQuery().processInstanceId(followUp).list()
			.forEach(variable -> recorded.put(variable.getName(), variable.getValue()));
		assertThat(recorded).containsEntry("outcome", "held")
			.containsEntry("sentiment", "positive")
			.containsEntry("delight", true)
			.containsEntry("delightCause", "The report builder");
	}

	@Test
	void anAdoptionSignalTaskShowsItsEvidence() throws Exception {
		String ref = instance.getBusinessKey();
		EngineTime.set(EngineTime.MONDAY_MORNING.plus(Duration.ofDays(9)));
		try {
			assertThat(api.post(users.cxOps(), "/api/adoption/evaluations", "{}").getStatusCode().value()).isEqualTo(200);
			SignalTasks.awaitCreated(pendingSignalTasks);
			Task signal = taskService.createTaskQuery().processInstanceBusinessKey(ref)
				.processVariableValueEquals("taskType", "adoption-signal").singleResult();
			assertThat(signal.getName()).isEqualTo("Inactive: " + customerName + " has not logged in for 9 days");
			logIn(users.csm());
			browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + signal.getId());
			await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value",
					customerName));
			assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_SignalEvidence']")).getAttribute("value"))
				.contains("No login for 9 days", "Week starting | active days | logins | events | features");
			assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_TaskReason']")).getAttribute("value"))
				.contains("has not logged in since the subscription started on 2026-11-23");
			assertThat(browser.getPageSource()).doesNotContain("Add a variable");
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
					"arguments[0].scrollIntoView({block: 'center'})",
					browser.findElement(By.cssSelector("textarea[id$='Field_SignalEvidence']")));
			screenshot("adoption-signal-task-csm");
		}
		finally {
			SignalTasks.removeAll(runtimeService, pendingSignalTasks);
		}
	}

	@Test
	void aRenewalOverdueTaskShowsTheRenewalBesideWhoTheCustomerIs() throws Exception {
		String ref = instance.getBusinessKey();
		String cycle = runtimeService.createProcessInstanceQuery().processDefinitionKey("renewal")
			.processInstanceBusinessKey(ref).singleResult().getId();
		// The day after the renewal date, 10:00 in Madrid: every step of the cycle runs, the last one raises the task.
		EngineTime.set(java.time.Instant.parse("2027-11-24T09:00:00Z"));
		jobs.executeAll(cycle);
		String taskId = taskService.createTaskQuery().processInstanceId(cycle).singleResult().getId();
		logIn(users.csm());
		await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//li[contains(., 'Renewal overdue') and contains(., '" + customerName + "')]")));

		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value",
				customerName));
		assertThat(valueOf("Field_PurchaseId")).isEqualTo("po-" + ref);
		assertThat(valueOf("Field_RenewalDate")).isEqualTo("2027-11-23");
		assertThat(valueOf("Field_Plan")).isEqualTo("pro");
		assertThat(valueOf("Field_CustomerStage")).isNotBlank();
		assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_TaskReason']")).getAttribute("value"))
			.contains("has passed and billing has reported neither a renewal nor a cancellation");
		assertThat(browser.getPageSource()).doesNotContain("Add a variable");
		screenshot("renewal-overdue-task-csm");
	}

	@Test
	void claimOfATaskSomeoneElseClaimedMeanwhileTellsWhy() {
		logIn(users.csm());
		openTaskOf(customerName);
		String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
		taskService.claim(taskId, "another-csm");

		click(By.cssSelector("button.claim"));

		await().until(driver -> driver.getPageSource().contains("An error happened while claiming the task."));
		assertThat(browser.getPageSource()).contains("Task '" + taskId + "' is already claimed by someone else.");
		assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("another-csm");
	}

	@Test
	void supportDoesNotSeeTheKickoffTask() {
		logIn(users.support());

		await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(., \"My group's tasks\")]")));
		assertThat(browser.getPageSource()).doesNotContain("Hold kickoff call");
	}

	private void logIn(String user) {
		browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
		type(By.cssSelector("input[ng-model=username]"), user);
		type(By.cssSelector("input[ng-model=password]"), TestUsers.PASSWORD);
		click(By.cssSelector("button[type=submit]"));
	}

	private void openTaskOf(String name) {
		await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(., 'Hold kickoff call')]")));
		String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		await().until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value", name));
	}

	private String valueOf(String fieldId) {
		return browser.findElement(By.cssSelector("input[id$='" + fieldId + "']")).getAttribute("value");
	}

	/** Kept as a test artifact under target/screenshots, for people to look at. */
	private void screenshot(String name) throws java.io.IOException {
		java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		java.nio.file.Files.write(folder.resolve(name + ".png"),
				((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
	}

	private void type(By field, CharSequence text) {
		await().until(ExpectedConditions.elementToBeClickable(field)).sendKeys(text);
	}

	private void click(By element) {
		var target = await().until(ExpectedConditions.elementToBeClickable(element));
		// Tasklist's fixed footer covers the bottom of a long form; bring the element to the middle first.
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				target);
		target.click();
	}

	/** Clicks a radio button or checkbox until it shows as selected (a form re-rendered meanwhile drops a click). */
	private void select(By input) {
		await().until(driver -> {
			if (!driver.findElement(input).isSelected()) {
				click(input);
			}
			return driver.findElement(input).isSelected();
		});
	}

	private WebDriverWait await() {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}

}
