package io.touchpoints.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;
import io.touchpoints.support.WebappSession;
import io.touchpoints.system.Groups;

/**
 * Failed logins slow down the client that fails and never lock the account's owner out: the owner keeps logging
 * in from another address while an attack runs, through every door that takes a password. Clients are told apart
 * by X-Forwarded-For, which the tests' server trusts from loopback as it would from a local proxy.
 */
@IntegrationTest
class LoginThrottleIT {

	private static final int ATTACK = 400;

	@Autowired
	TestRestTemplate http;

	@Autowired
	TestUsers users;

	@Autowired
	IdentityService identityService;

	@LocalServerPort
	int port;

	@Test
	void fourHundredWrongPasswordsOnTheApiSlowTheAttackerAndNeverTheOwner() {
		String owner = users.ensure("throttledintegration", Groups.INTEGRATION);
		int refusedUnchecked = 0;
		for (int attempt = 1; attempt <= ATTACK; attempt++) {
			HttpStatus status = get("/api/customers/anyone", owner, "wrong-Passw0rd!", "203.0.113.10");
			if (status == HttpStatus.TOO_MANY_REQUESTS) {
				refusedUnchecked++;
			}
			else {
				assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
			}
			if (attempt % 50 == 0) {
				assertThat(get("/api/customers/anyone", owner, TestUsers.PASSWORD, "198.51.100.20"))
					.as("the owner, from elsewhere, during attempt %d", attempt)
					.isEqualTo(HttpStatus.NOT_FOUND);
			}
		}

		assertThat(refusedUnchecked).isGreaterThanOrEqualTo(ATTACK - 10);
		assertThat(get("/api/customers/anyone", owner, TestUsers.PASSWORD, "203.0.113.10"))
			.as("the attacker's address is slowed even with the right password")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(identityService.checkPassword(owner, TestUsers.PASSWORD)).isTrue();
	}

	@Test
	void slowedClientIsToldWhenToRetry() {
		String owner = users.ensure("throttledretry", Groups.CSM);
		for (int attempt = 0; attempt < 10; attempt++) {
			get("/engine-rest/task", owner, "wrong-Passw0rd!", "203.0.113.11");
		}

		ResponseEntity<String> slowed = exchange("/engine-rest/task", owner, "wrong-Passw0rd!", "203.0.113.11");

		assertThat(slowed.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(slowed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Long.parseLong(slowed.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
		assertThat(slowed.getBody()).contains("no account is locked");
		assertThat(get("/engine-rest/task", owner, TestUsers.PASSWORD, "198.51.100.21")).isEqualTo(HttpStatus.OK);
	}

	@Test
	void webappLoginsAreThrottledTheSameWay() throws Exception {
		String owner = users.ensure("throttledwebapp", Groups.CSM);
		WebappSession attacker = WebappSession.anonymous(port, "203.0.113.12");
		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(attacker.loginAs(owner, "wrong-Passw0rd!").statusCode()).isEqualTo(401);
		}

		HttpResponse<String> slowed = attacker.loginAs(owner, TestUsers.PASSWORD);

		assertThat(slowed.statusCode()).isEqualTo(429);
		assertThat(WebappSession.anonymous(port, "198.51.100.22").loginAs(owner, TestUsers.PASSWORD).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aPathParameterDoesNotOpenASecondDoorToTheWebappLogin() throws Exception {
		String owner = users.ensure("throttledpathparam", Groups.CSM);
		WebappSession attacker = WebappSession.anonymous(port, "203.0.113.14");
		for (int attempt = 0; attempt < 10; attempt++) {
			attacker.loginAs(owner, "wrong-Passw0rd!");
		}

		HttpResponse<String> sideDoor = attacker.post("/camunda/api/admin/auth/user;x=1/default/login/tasklist",
				"application/x-www-form-urlencoded", "username=" + owner + "&password=wrong-Passw0rd%21");

		assertThat(sideDoor.statusCode()).isEqualTo(429);
	}

	@Test
	void requestsWithoutCredentialsAreNotCountedAsFailures() {
		for (int attempt = 0; attempt < 30; attempt++) {
			assertThat(get("/engine-rest/task", null, null, "203.0.113.13")).isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		assertThat(get("/engine-rest/task", users.csm(), TestUsers.PASSWORD, "203.0.113.13")).isEqualTo(HttpStatus.OK);
	}

	private HttpStatus get(String path, String user, String password, String clientAddress) {
		return HttpStatus.valueOf(exchange(path, user, password, clientAddress).getStatusCode().value());
	}

	private ResponseEntity<String> exchange(String path, String user, String password, String clientAddress) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, password);
		}
		headers.set("X-Forwarded-For", clientAddress);
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

}
