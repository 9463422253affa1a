package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.touchpoints.process.ModelNames;
import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.RawHttp;
import io.touchpoints.support.TestUsers;

/**
 * Every error is {@code application/problem+json} with {@code type}, {@code title}, {@code status} and
 * {@code detail}: the API's, engine REST's (which also keeps Camunda's {@code message} and the exception's name as
 * {@code exceptionType}), the error page's and Tomcat's own. Engine failures that are the client's get a client
 * status, in the webapps' engine API too, where the body stays Camunda's.
 */
@IntegrationTest
class ErrorResponsesIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PROBLEM = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	Customers customers;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repositoryService;

	HttpClient http = HttpClient.newHttpClient();

	Task task;

	@AfterEach
	void deleteTask() {
		if (task != null) {
			taskService.deleteTask(task.getId(), true);
		}
	}

	@Test
	void unknownApiPathIsNotFound() throws Exception {
		Problem problem = send(request("/api/nothing-here", users.integration()).GET());

		problem.is(404, "Not Found", "Nothing at /api/nothing-here");
	}

	@Test
	void wrongMethodIsNotAllowedAndSaysWhatIs() throws Exception {
		Problem problem = send(request("/api/customers/anyone", users.integration()).DELETE());

		assertThat(problem.status()).isEqualTo(405);
		assertThat(problem.detail()).matches("DELETE is not allowed at /api/customers/anyone; allowed: (GET, PUT|PUT, GET)");
		assertThat(problem.response.headers().firstValue("Allow")).get().asString().contains("GET").contains("PUT");
	}

	@ParameterizedTest
	@CsvSource({ "/api/customers/anyone, integration, 'PUT, GET'", "/actuator/health, , GET",
			"/email-preferences/not-a-token, , 'GET, POST'", "/engine-rest/task/count, administrator, 'POST,GET,OPTIONS'" })
	void wrongMethodAsBrowsersAndCurlSendItIsAProblemWithWhatIsAllowed(String path, String group, String allowed)
			throws Exception {
		RawHttp.Answer answer = RawHttp.send(port, "DELETE", path, userOf(group));

		Problem problem = Problem.of(answer);
		problem.is(405, "Method Not Allowed", "DELETE is not allowed at " + path + "; allowed: " + answer.headers().get("allow"));
		assertThat(answer.headers().get("allow").replace(" ", "").split(",")).containsExactlyInAnyOrder(
				allowed.replace(" ", "").split(","));
	}

	@ParameterizedTest
	@CsvSource({ "/api/customers/anyone, integration", "/engine-rest/task, csm", "/actuator/health,",
			"/email-preferences/not-a-token,", "/camunda/app/tasklist/default/,", "/no-such-page," })
	void traceIsRefusedWithAProblemAndEchoesNothing(String path, String group) throws Exception {
		RawHttp.Answer answer = RawHttp.send(port, "TRACE", path, userOf(group), "X-Echo: secret-marker");

		Problem.of(answer).is(405, "Method Not Allowed", "The request was refused: TRACE method is not allowed");
		assertThat(answer.body()).doesNotContain("secret-marker").doesNotContain("Authorization");
	}

	@Test
	void unknownPathAsBrowsersAndCurlAskForItIsAProblem() throws Exception {
		Problem.of(RawHttp.send(port, "GET", "/no-such-page", null)).is(404, "Not Found", "Nothing at /no-such-page");
		Problem.of(RawHttp.send(port, "GET", "/api/nothing-here", users.integration()))
			.is(404, "Not Found", "Nothing at /api/nothing-here");
	}

	@Test
	void webappsOwnRefusalsCarryAProblem() throws Exception {
		Problem withoutSession = Problem.of(RawHttp.send(port, "GET", "/camunda/api/engine/engine/default/task", null));
		assertThat(withoutSession.status()).isEqualTo(401);
		assertThat(withoutSession.body.get("title").asText()).isEqualTo("Unauthorized");

		Webapp tasklist = Webapp.logIn(port, users.csm());
		Problem notTheirApp = Problem.of(RawHttp.send(port, "GET", "/camunda/app/cockpit/default/", null,
				"Cookie: " + tasklist.cookieHeader()));
		assertThat(notTheirApp.status()).isEqualTo(403);
		assertThat(notTheirApp.body.get("title").asText()).isEqualTo("Forbidden");
	}

	@Test
	void bodyThatIsNoJsonIsAnUnsupportedMediaType() throws Exception {
		Problem problem = send(request("/api/customers/anyone", users.integration()).header("Content-Type", "text/plain")
			.PUT(BodyPublishers.ofString("Ana")));

		assertThat(problem.status()).isEqualTo(415);
	}

	@Test
	void answerInAnUnofferedMediaTypeIsNotAcceptable() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");

		Problem problem = send(request("/api/customers/" + ref, users.integration()).header("Accept", "application/xml").GET());

		assertThat(problem.status()).isEqualTo(406);
	}

	@Test
	void unexpectedFailureIsAServerErrorThatKeepsItsCauseToItself() throws Exception {
		String ref = customers.create("Ana García", "es", "Europe/Madrid");
		repositoryService.suspendProcessDefinitionByKey(ModelNames.CUSTOMER_LIFECYCLE);
		Problem problem;
		try {
			problem = send(request("/api/customers/" + ref + "/purchases", users.integration())
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(Api.purchaseJson("po-" + ref, false))));
		}
		finally {
			repositoryService.activateProcessDefinitionByKey(ModelNames.CUSTOMER_LIFECYCLE);
		}

		problem.is(500, "Internal Server Error", "The server could not complete the request; the error has been logged");
		assertThat(problem.response.body()).doesNotContainIgnoringCase("suspended").doesNotContain("Exception");
	}

	@Test
	void unknownTopLevelPathAndTheErrorPageItselfAreNotFound() throws Exception {
		send(request("/no-such-page", null).GET()).is(404, "Not Found", "Nothing at /no-such-page");
		send(request("/error", null).GET()).is(404, "Not Found", "Nothing at /error");
	}

	@Test
	void requestLineLongerThanTheServerAcceptsIsUriTooLong() throws Exception {
		Problem problem = send(request("/api/customers/" + "a".repeat(10_000), users.integration()).GET());

		problem.is(414, "URI Too Long", "The request line (method, path and query) exceeds the 8 KB this server accepts");
	}

	@Test
	void identifierLongerThanAnyTheServiceGivesIsABadRequestNamingIt() throws Exception {
		Problem problem = send(request("/api/customers/" + "a".repeat(5_000), users.integration()).GET());

		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.body.get("errors")).extracting(error -> error.get("field").asText() + ": " + error.get("message").asText())
			.containsExactly("externalRef: must be 1 to 100 letters, digits or . _ : @ -");
	}

	@Test
	void headersLargerThanTheServerAcceptsAreTooLarge() throws Exception {
		Problem problem = send(request("/api/customers/anyone", users.integration()).header("X-Padding", "a".repeat(9_000))
			.GET());

		problem.is(431, "Request Header Fields Too Large", "The request headers exceed the 8 KB this server accepts");
	}

	@Test
	void pathTomcatRefusesToDecodeIsABadRequest() throws Exception {
		Problem problem = send(request("/api/customers/a%00b", users.integration()).GET());

		problem.is(400, "Bad Request", "The request was refused: Invalid URI");
	}

	@Test
	void engineRestClaimOfATaskSomeoneElseClaimedIsAConflict() throws Exception {
		task = candidateTask();
		taskService.claim(task.getId(), users.support());

		Problem problem = send(request("/engine-rest/task/" + task.getId() + "/claim", users.csm())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"userId\":\"" + users.csm() + "\"}")));

		String message = "Task '" + task.getId() + "' is already claimed by someone else.";
		problem.is(409, "Conflict", message);
		assertThat(problem.body.get("message").asText()).isEqualTo(message);
		assertThat(problem.body.get("exceptionType").asText()).isEqualTo("TaskAlreadyClaimedException");
		assertThat(problem.body.get("instance").asText()).isEqualTo("/engine-rest/task/" + task.getId() + "/claim");
	}

	@Test
	void engineRestClaimOfATaskThatDoesNotExistIsNotFound() throws Exception {
		Problem problem = send(request("/engine-rest/task/no-such-task/claim", users.csm())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"userId\":\"" + users.csm() + "\"}")));

		problem.is(404, "Not Found", "Cannot find task with id no-such-task: task is null");
		assertThat(problem.body.get("message").asText()).isEqualTo(problem.body.get("detail").asText());
	}

	@Test
	void engineRestClientErrorsAreProblemsWithCamundasMessage() throws Exception {
		String claim = "/engine-rest/task/any/claim";

		send(request("/engine-rest/no-such-resource", users.csm()).GET()).is(404, "Not Found",
				"No engine REST resource at /engine-rest/no-such-resource");
		Problem wrongMethod = send(request("/engine-rest/task/count", users.administrator()).PUT(BodyPublishers.noBody()));
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.response.headers().firstValue("Allow")).get().asString().contains("GET");
		// Below administrators, a write the allow-list does not hold is refused before the engine looks for a method.
		assertThat(send(request("/engine-rest/task/count", users.csm()).PUT(BodyPublishers.noBody())).status())
			.isEqualTo(403);
		send(request(claim, users.csm()).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"userId\":"))).is(400, "Bad Request",
					"The request body is not valid JSON at line 1, column 11: Unexpected end-of-input within/between Object entries");
		assertThat(send(request(claim, users.csm()).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"userId\":[1]}"))).detail())
			.startsWith("The request body does not fit this resource at userId: ");
		send(request("/engine-rest/task?maxResults=many", users.csm()).GET()).is(400, "Bad Request",
				"The query parameter 'maxResults' has an invalid value");
		assertThat(send(request("/engine-rest/task", users.csm()).header("Accept", "application/xml").GET()).status())
			.isEqualTo(406);
		assertThat(send(request(claim, users.csm()).header("Content-Type", "text/plain").POST(BodyPublishers.ofString("x")))
			.status()).isEqualTo(415);
	}

	@Test
	void engineRestWithoutCredentialsIsAProblemWithTheChallenge() throws Exception {
		Problem problem = send(request("/engine-rest/task", null).GET());

		problem.is(401, "Unauthorized", "Authenticate with HTTP Basic as a Touchpoints user");
		assertThat(problem.body.get("message").asText()).isEqualTo(problem.detail());
		assertThat(problem.response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"default\"");
	}

	@Test
	void webappsEngineApiAnswersAClaimConflictWith409InCamundasFormat() throws Exception {
		task = candidateTask();
		taskService.claim(task.getId(), users.support());
		Webapp tasklist = Webapp.logIn(port, users.csm());

		HttpResponse<String> response = tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/claim",
				"{\"userId\":\"" + users.csm() + "\"}");

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("type").asText()).isEqualTo("TaskAlreadyClaimedException");
		assertThat(body.get("message").asText()).isEqualTo("Task '" + task.getId() + "' is already claimed by someone else.");
	}

	private String userOf(String group) {
		if (group == null) {
			return null;
		}
		return switch (group) {
			case "integration" -> users.integration();
			case "csm" -> users.csm();
			case "administrator" -> users.administrator();
			default -> throw new IllegalArgumentException(group);
		};
	}

	private Task candidateTask() {
		Task created = taskService.newTask("errors-" + UUID.randomUUID());
		created.setName("Call the customer back");
		taskService.saveTask(created);
		taskService.addCandidateGroup(created.getId(), Groups.CSM);
		return created;
	}

	private HttpRequest.Builder request(String path, String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private Problem send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("type").asText()).isEqualTo("about:blank");
		assertThat(body.get("status").asInt()).isEqualTo(response.statusCode());
		return new Problem(response, body);
	}

	/** An answer that is a problem: its status, title and detail. */
	private record Problem(HttpResponse<String> response, JsonNode body, int rawStatus) {

		Problem(HttpResponse<String> response, JsonNode body) {
			this(response, body, response.statusCode());
		}

		/** An answer read off a raw socket, checked as {@link #send} checks the others. */
		static Problem of(RawHttp.Answer answer) throws IOException {
			assertThat(answer.headers().get("content-type")).as(answer.body()).startsWith(PROBLEM);
			JsonNode body = JSON.readTree(answer.body());
			assertThat(body.get("type").asText()).isEqualTo("about:blank");
			assertThat(body.get("status").asInt()).isEqualTo(answer.status());
			return new Problem(null, body, answer.status());
		}

		int status() {
			return rawStatus;
		}

		String detail() {
			return body.get("detail").asText();
		}

		void is(int status, String title, String detail) {
			assertThat(status()).isEqualTo(status);
			assertThat(body.get("title").asText()).isEqualTo(title);
			assertThat(detail()).isEqualTo(detail);
		}

	}

	/** A user logged into a Camunda webapp, as its JavaScript is: a session cookie and the CSRF token. */
	private record Webapp(HttpClient http, CookieManager cookies, int port) {

		static Webapp logIn(int port, String user) throws IOException, InterruptedException {
			CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
			Webapp webapp = new Webapp(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, port);
			webapp.http.send(webapp.request("/camunda/app/tasklist/default/").GET().build(), BodyHandlers.discarding());
			HttpResponse<String> login = webapp.http.send(webapp.request("/camunda/api/admin/auth/user/default/login/tasklist")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("username=" + user + "&password=" + TestUsers.PASSWORD))
				.build(), BodyHandlers.ofString());
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			webapp.http.send(webapp.request("/camunda/api/admin/auth/user/default").GET().build(), BodyHandlers.discarding());
			return webapp;
		}

		HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
			return http.send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build(),
					BodyHandlers.ofString());
		}

		String cookieHeader() {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.map(cookie -> cookie.getName() + "=" + cookie.getValue())
				.collect(Collectors.joining("; "));
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.reduce((first, last) -> last)
				.ifPresent(token -> request.header("X-XSRF-TOKEN", token));
			return request;
		}

	}

}
