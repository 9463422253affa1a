package io.touchpoints.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.touchpoints.system.ProblemResponses;

/**
 * Slows down the client that fails to log in, never the account: each client address may fail
 * {@code failuresAllowed} logins, refilled evenly over {@code window}; a client with no failures left is answered
 * 429 without its credentials being checked, until the next failure is allowed. The account's owner logs in from
 * anywhere else meanwhile (the engine's own per-account lockout is off, see {@code NoAccountLockout}). A client that
 * has failed is also held to two attempts at a time, so a burst of parallel guesses cannot outrun the count.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final int PARALLEL_ATTEMPTS_AFTER_FAILURE = 2;

	private final int failuresAllowed;

	private final Duration window;

	private final String webappLogin;

	private final ProblemResponses problems;

	private final Cache<String, FailingClient> failingClients;

	private final TimeMeter time;

	LoginThrottleFilter(int failuresAllowed, Duration window, String webappPath, ProblemResponses problems) {
		this(failuresAllowed, window, webappPath, problems, TimeMeter.SYSTEM_NANOTIME);
	}

	/** With the clock the buckets refill by; tests pass one they move. */
	LoginThrottleFilter(int failuresAllowed, Duration window, String webappPath, ProblemResponses problems,
			TimeMeter time) {
		this.time = time;
		this.failuresAllowed = failuresAllowed;
		this.window = window;
		this.webappLogin = webappPath + "/api/admin/auth/user/";
		this.problems = problems;
		this.failingClients = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
	}

	/** A client that has failed a login recently: what it may still fail, and its attempts in flight. */
	private record FailingClient(Bucket failures, Semaphore attempts) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!carriesCredentials(request)) {
			chain.doFilter(request, response);
			return;
		}
		String client = request.getRemoteAddr();
		FailingClient failing = failingClients.getIfPresent(client);
		if (failing == null) {
			chain.doFilter(request, response);
			recordOutcome(client, response);
			return;
		}
		long waitNanos = failing.failures().estimateAbilityToConsume(1).getNanosToWaitForRefill();
		if (waitNanos > 0 || !failing.attempts().tryAcquire()) {
			tooManyFailures(request, response, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			failing.attempts().release();
		}
		recordOutcome(client, response);
	}

	private boolean carriesCredentials(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return true;
		}
		return "POST".equals(request.getMethod()) && RequestPaths.withinApplication(request).startsWith(webappLogin);
	}

	private void recordOutcome(String client, HttpServletResponse response) {
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			failingClients.get(client, address -> new FailingClient(newBucket(), new Semaphore(PARALLEL_ATTEMPTS_AFTER_FAILURE)))
				.failures()
				.tryConsume(1);
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(failuresAllowed).refillGreedy(failuresAllowed, window))
			.withCustomTimePrecision(time)
			.build();
	}

	private void tooManyFailures(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
		problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
				"Too many failed logins from this address; try again in " + retryAfterSeconds + " s. Other addresses "
						+ "are not affected, and no account is locked.",
				Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
	}

}
