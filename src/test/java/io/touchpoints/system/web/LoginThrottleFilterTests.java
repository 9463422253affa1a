package io.touchpoints.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.touchpoints.system.ProblemResponses;

/** A slowed client gets its attempts back over the window: throttling never locks anyone out for good. */
class LoginThrottleFilterTests {

	private final AtomicLong nanos = new AtomicLong();

	private final LoginThrottleFilter filter = new LoginThrottleFilter(
			new LoginThrottleFilter.Allowance(10, Duration.ofMinutes(10)),
			new LoginThrottleFilter.Allowance(30, Duration.ofMinutes(10)), "/camunda",
			new ProblemResponses(new ObjectMapper()), new TimeMeter() {
				@Override
				public long currentTimeNanos() {
					return nanos.get();
				}

				@Override
				public boolean isWallClockBased() {
					return false;
				}
			});

	@Test
	void slowedClientMayTryAgainOnceAFailureIsRefilled() throws Exception {
		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(attempt("203.0.113.1", 401)).isEqualTo(401);
		}
		assertThat(attempt("203.0.113.1", 200)).isEqualTo(429);

		nanos.addAndGet(Duration.ofSeconds(61).toNanos());

		assertThat(attempt("203.0.113.1", 200)).isEqualTo(200);
	}

	@Test
	void afterTheWholeWindowTheClientHasItsFullAllowanceAgain() throws Exception {
		for (int attempt = 0; attempt < 10; attempt++) {
			attempt("203.0.113.2", 401);
		}

		nanos.addAndGet(Duration.ofMinutes(10).toNanos());

		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(attempt("203.0.113.2", 401)).as("attempt %d", attempt).isEqualTo(401);
		}
		assertThat(attempt("203.0.113.2", 401)).isEqualTo(429);
	}

	@Test
	void successfulLoginsCostNothing() throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			assertThat(attempt("203.0.113.3", 200)).isEqualTo(200);
		}
	}

	@Test
	void guessingOneUsersPasswordDoesNotSlowOtherUsersAtTheSameAddress() throws Exception {
		for (int attempt = 0; attempt < 10; attempt++) {
			attempt("203.0.113.4", "guessed", 401);
		}

		assertThat(attempt("203.0.113.4", "guessed", 200)).isEqualTo(429);
		assertThat(attempt("203.0.113.4", "colleague", 200)).isEqualTo(200);
	}

	@Test
	void anAddressFailingForManyUsersIsSlowedForAll() throws Exception {
		for (int user = 0; user < 30; user++) {
			assertThat(attempt("203.0.113.5", "user" + user, 401)).isEqualTo(401);
		}

		assertThat(attempt("203.0.113.5", "someone-else", 200)).isEqualTo(429);
		assertThat(attempt("203.0.113.6", "someone-else", 200)).isEqualTo(200);
	}

	private int attempt(String client, int status) throws Exception {
		return attempt(client, "user", status);
	}

	/** One request as {@code user} from {@code client}, which the rest of the chain answers with {@code status}. */
	private int attempt(String client, String user, int status) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
		request.setRemoteAddr(client);
		request.addHeader("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((user + ":password").getBytes(StandardCharsets.UTF_8)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				((MockHttpServletResponse) res).setStatus(status);
			}
		});
		return response.getStatus();
	}

}
