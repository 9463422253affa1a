package io.touchpoints.survey;

import static io.touchpoints.survey.RecordedAnswers.record;
import static io.touchpoints.survey.RecordedAnswers.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.process.ModelNames;
import io.touchpoints.support.Api;
import io.touchpoints.support.Browser;
import io.touchpoints.support.Customers;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;

/**
 * Issue 11: the daily NPS band check raises one task and one email for cx-ops when a stage's NPS falls below its
 * band, nothing more while it stays there, and raises again only after the stage was back in band. Runs in 2031, a
 * year no other test writes surveys in.
 */
@IntegrationTest
class NpsBandCheckIT {

	private static final String CX_OPS_ADDRESS = "cx-ops@touchpoints.local";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	CustomerRegistry registry;

	@Autowired
	Surveys surveys;

	@Autowired
	Jobs jobs;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@LocalServerPort
	int port;

	@Test
	void aStageBelowItsBandRaisesOneTaskAndOneEmailUntilItIsBackInBand() throws Exception {
		long customer = registry.find(customers.create("Band Customer", "en", "Europe/London")).orElseThrow().getId();
		EngineTime.set(Instant.parse("2031-06-10T06:00:00Z"));
		// onboarding, May: 5 promoters, 5 passives, 30 detractors: NPS -62.5, its whole interval far below the band of 30.
		record(surveys, customer, SurveyKind.NPS, "onboarding", Instant.parse("2031-05-12T10:00:00Z"), repeat(5, 10, 5, 8, 30, 3));
		// adoption, May: ten detractors, not enough answers to judge.
		record(surveys, customer, SurveyKind.NPS, "adoption", Instant.parse("2031-05-12T10:00:00Z"), repeat(10, 0));

		check();

		List<Task> raised = bandTasks("onboarding");
		assertThat(raised).hasSize(1);
		Task task = raised.get(0);
		assertThat(task.getName()).isEqualTo("NPS below band in onboarding");
		assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(link -> "cx-ops".equals(link.getGroupId()));
		assertThat(task.getDueDate().toInstant()).isEqualTo(EngineTime.now().plus(Duration.ofHours(72)));
		Map<String, Object> shown = taskService.getVariables(task.getId());
		assertThat(shown).containsEntry("npsStage", "onboarding").containsEntry("npsScore", -62.5)
			.containsEntry("npsBand", 30).containsEntry("npsResponses", 40).containsEntry("npsPeriod", "2031-04 to 2031-06");
		assertThat((String) shown.get("taskReason")).startsWith(
				"NPS -62.5 (95% interval -84.1 to -40.9) from 40 answers in 2031-04 to 2031-06, against a band of 30.");
		jobs.executeAll(task.getProcessInstanceId());
		MimeMessage email = single(cxOpsEmails());
		assertThat(ReceivedMail.subject(email)).isEqualTo("NPS below band in onboarding: NPS -62.5 (95% interval -84.1 "
				+ "to -40.9) from 40 answers in 2031-04 to 2031-06, against a band of 30");
		assertThat(ReceivedMail.part(email, "text/plain")).contains("Open Tasklist: http://localhost:8080/camunda/app/tasklist/default/");

		EngineTime.advance(Duration.ofDays(1));
		check();
		assertThat(bandProcesses("onboarding")).as("raised once while the stage stays below its band").isOne();

		// August: 50 promoters and 10 passives; the window P3M (July to September) holds only these.
		EngineTime.set(Instant.parse("2031-09-10T06:00:00Z"));
		record(surveys, customer, SurveyKind.NPS, "onboarding", Instant.parse("2031-08-12T10:00:00Z"), repeat(50, 10, 10, 8));
		check();
		assertThat(bandProcesses("onboarding")).as("back in band raises nothing").isOne();

		EngineTime.set(Instant.parse("2031-12-10T06:00:00Z"));
		record(surveys, customer, SurveyKind.NPS, "onboarding", Instant.parse("2031-11-12T10:00:00Z"), repeat(5, 10, 5, 8, 30, 3));
		check();
		assertThat(bandProcesses("onboarding")).as("below again after it was back in band: raised anew").isEqualTo(2);
		assertThat(bandTasks("onboarding")).hasSize(2);
	}

	@Test
	void cxOpsWorkTheTaskInTasklistWithTheFiguresInItsForm() throws Exception {
		long customer = registry.find(customers.create("Band Customer", "en", "Europe/London")).orElseThrow().getId();
		EngineTime.set(Instant.parse("2032-03-10T06:00:00Z"));
		// renewal, February 2032: 10 promoters, 40 detractors: NPS -60 against a band of 20.
		record(surveys, customer, SurveyKind.NPS, "renewal", Instant.parse("2032-02-12T10:00:00Z"), repeat(10, 9, 40, 2));
		check();
		Task task = bandTasks("renewal").get(0);
		WebDriver browser = Browser.start();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
			browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model=username]")))
				.sendKeys(users.cxOps());
			browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(TestUsers.PASSWORD);
			browser.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(), \"My group's tasks\")]")));
			browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
			wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_NpsStage']"), "value", "renewal"));
			assertThat(browser.findElement(By.cssSelector("input[id$='Field_NpsScore']")).getAttribute("value")).isEqualTo("-60");
			assertThat(browser.findElement(By.cssSelector("input[id$='Field_NpsBand']")).getAttribute("value")).isEqualTo("20");
			assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_TaskReason']")).getAttribute("value"))
				.startsWith("NPS -60.0 (95% interval").contains("from 50 answers in 2032-01 to 2032-03, against a band of 20");
			click(browser, wait, By.cssSelector("button.claim"));
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[id$='Field_Findings']")))
				.sendKeys("Renewal notices arrive after the price change is announced");
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[id$='Field_Actions']")))
				.sendKeys("Send the value summary before the notice; owner: CX ops");
			Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("nps-below-band-task-cx-ops.png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
			click(browser, wait, By.xpath("//button[normalize-space(.)='Complete']"));
			wait.until(driver -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
		}
		finally {
			browser.quit();
		}
		jobs.executeAll(task.getProcessInstanceId());
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
			.variableName("actions").singleResult().getValue()).isEqualTo("Send the value summary before the notice; owner: CX ops");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count())
			.as("looked into: the alert's process is done").isZero();
	}

	private static void click(WebDriver browser, WebDriverWait wait, By element) {
		var target = wait.until(ExpectedConditions.elementToBeClickable(element));
		// Tasklist's fixed footer covers the bottom of a long form; bring the element to the middle first.
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
		target.click();
	}

	/** What the model's timer does every morning: its job, run now. */
	private void check() {
		Job timer = managementService.createJobQuery().processDefinitionKey("nps-band-check").timers().singleResult();
		assertThat(timer).as("the daily timer is waiting").isNotNull();
		managementService.executeJob(timer.getId());
	}

	private List<Task> bandTasks(String stage) {
		return taskService.createTaskQuery().processDefinitionKey(ModelNames.NPS_BELOW_BAND)
			.processVariableValueEquals("npsStage", stage).orderByTaskCreateTime().asc().list();
	}

	private long bandProcesses(String stage) {
		return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ModelNames.NPS_BELOW_BAND)
			.variableValueEquals("npsStage", stage).count();
	}

	private List<MimeMessage> cxOpsEmails() {
		return List.of(smtp.getReceivedMessagesForDomain(CX_OPS_ADDRESS));
	}

	private static MimeMessage single(List<MimeMessage> emails) {
		assertThat(emails).hasSize(1);
		return emails.get(0);
	}

}
