package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.touchpoints.support.Api;
import io.touchpoints.support.Browser;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;

/**
 * Issue 11 in headless Chromium: the customer opens the survey email, clicks a score, lands on the answer page
 * (the page records the click on its own), adds a comment and saves it; a detractor, their CSM finds the call back
 * in Tasklist with the comment. Screenshots in {@code target/screenshots}.
 */
@IntegrationTest
class SurveyBrowserIT {

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
	Surveys surveys;

	@Autowired
	TaskService taskService;

	private ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start();
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aCustomerClicksAScoreInTheEmailAddsACommentAndTheirCsmSeesItInTasklist() throws Exception {
		String ref = customers.create("Chloé Martin", "fr", "Europe/Paris");
		ProcessInstance survey = SentSurveys.start(runtimeService, jobs, ref, "nps");
		String dispatch = survey.getId();
		String invitation = SentSurveys.invitationOf(runtimeService, survey);
		MimeMessage email = smtp.getReceivedMessagesForDomain(Customers.email(ref))[0];
		// The email's links name the configured public address; here the service listens on a random port.
		String html = ReceivedMail.part(email, "text/html").replace("http://localhost:8080", http.getRootUri());
		Path file = Files.createDirectories(Path.of("target", "screenshots")).resolve("survey-email-fr.html");
		Files.writeString(file, html, StandardCharsets.UTF_8);

		browser.get(file.toUri().toString());
		screenshot("survey-email-fr");
		browser.findElement(By.linkText("3")).click();

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Nous avons enregistré votre réponse : 3"));
		assertThat(browser.getCurrentUrl()).endsWith("/answer");
		assertThat(browser.findElement(By.cssSelector("input[name=score][value='3']")).isSelected()).isTrue();
		screenshot("survey-answer-page-fr");
		assertThat(surveys.response(invitation)).get().extracting(SurveyResponse::score).isEqualTo(3);

		browser.findElement(By.id("comment")).sendKeys("Les rapports sont trop lents depuis la mise à jour.");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Votre réponse est enregistrée."));
		screenshot("survey-answer-saved-fr");

		SurveyResponse response = surveys.response(invitation).orElseThrow();
		assertThat(response.score()).isEqualTo(3);
		assertThat(response.comment()).isEqualTo("Les rapports sont trop lents depuis la mise à jour.");
		assertThat(api.timelineSummaries(users.csm(), ref)).contains("Answered the 'nps' survey: 3 (scale 0–10)",
				"Commented on the 'nps' survey");

		// A detractor: the call back is in Tasklist for the CSM team, with the comment the customer wrote after the click.
		jobs.executeAll(dispatch);
		String taskId = taskService.createTaskQuery().processInstanceId(dispatch).singleResult().getId();
		browser.get(http.getRootUri() + "/camunda/app/tasklist/");
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model=username]"))).sendKeys(TestUsers.CSM);
		browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		// Logged in once the filters show (the list may not show this task on its first page in a full test run).
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(), \"My group's tasks\")]")));
		browser.get(http.getRootUri() + "/camunda/app/tasklist/default/#/?task=" + taskId);
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='Field_CustomerName']"), "value", "Chloé Martin"));
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("textarea[id$='Field_SurveyComment']"), "value",
				"Les rapports sont trop lents depuis la mise à jour."));
		assertThat(browser.findElement(By.cssSelector("input[id$='Field_SurveyScore']")).getAttribute("value")).isEqualTo("3");
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'});",
				browser.findElement(By.cssSelector("textarea[id$='Field_SurveyComment']")));
		screenshot("survey-call-back-task-csm");
	}

	@Test
	void reloadingOrGoingBackShowsTheAnswerAsItStandsAndNeverRecordsTheLinksScoreAgain() throws Exception {
		String ref = customers.create("Nora Quinn", "en", "Europe/London");
		ProcessInstance survey = SentSurveys.start(runtimeService, jobs, ref, "nps");
		String invitation = SentSurveys.invitationOf(runtimeService, survey);
		MimeMessage email = smtp.getReceivedMessagesForDomain(Customers.email(ref))[0];
		String html = ReceivedMail.part(email, "text/html").replace("http://localhost:8080", http.getRootUri());
		Path file = Files.createDirectories(Path.of("target", "screenshots")).resolve("survey-email-en.html");
		Files.writeString(file, html, StandardCharsets.UTF_8);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		browser.get(file.toUri().toString());
		browser.findElement(By.linkText("2")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "We have recorded your answer: 2"));
		Instant recorded = surveys.response(invitation).orElseThrow().updatedAt();
		browser.navigate().refresh();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "We have recorded your answer: 2"));
		assertThat(browser.getCurrentUrl()).endsWith("/answer");
		assertThat(surveys.response(invitation).orElseThrow().updatedAt()).as("the reload posted nothing").isEqualTo(recorded);

		browser.findElement(By.cssSelector("input[name=score][value='8']")).click();
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Your answer is saved."));
		assertThat(surveys.response(invitation)).get().extracting(SurveyResponse::score).isEqualTo(8);

		// Back: the answer page as it stands; back again: the email, past the link's page (which recorded 2 as it opened).
		browser.navigate().back();
		wait.until(ExpectedConditions.urlMatches("/answer$"));
		wait.until(ExpectedConditions.elementSelectionStateToBe(By.cssSelector("input[name=score][value='8']"), true));
		browser.navigate().back();
		wait.until(ExpectedConditions.urlToBe(file.toUri().toString()));
		assertThat(surveys.response(invitation)).get().extracting(SurveyResponse::score).isEqualTo(8);
		assertThat(api.timelineSummaries(users.csm(), ref)).containsOnlyOnce("Answered the 'nps' survey: 2 (scale 0–10)")
			.containsOnlyOnce("Changed the 'nps' survey answer from 2 to 8")
			.noneMatch(summary -> summary.contains("from 8 to 2"));
	}

	private void screenshot(String name) throws Exception {
		Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png"),
				((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
