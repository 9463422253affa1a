package io.touchpoints.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Slows down the client that fails to log in, never the account. Failures are counted per client address and user
 * ({@code perUser}, refilled evenly over {@code window}) and per client address for all users together
 * ({@code perAddress}): a client with no failures left for that user, or for any user, is answered 429 without its
 * credentials being checked, until the next failure is allowed. The account's owner logs in from anywhere else
 * meanwhile, and users other than the guessed one from the same address too, until that address has failed too
 * often altogether (the engine's own per-account lockout is off, see {@code NoAccountLockout}). A key that has
 * failed is also held to two attempts at a time, so a burst of parallel guesses cannot outrun the count.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final int PARALLEL_ATTEMPTS_AFTER_FAILURE = 2;

	private final Allowance perUser;

	private final Allowance perAddress;

	private final String webappLogin;

	private final ProblemResponses problems;

	private final Cache<String, Failures> failing;

	private final TimeMeter time;

	/** How many failed logins a key may make, refilled evenly over the window. */
	record Allowance(int failures, Duration window) {
	}

	LoginThrottleFilter(Allowance perUser, Allowance perAddress, String webappPath, ProblemResponses problems) {
		this(perUser, perAddress, webappPath, problems, TimeMeter.SYSTEM_NANOTIME);
	}

	/** With the clock the buckets refill by; tests pass one they move. */
	LoginThrottleFilter(Allowance perUser, Allowance perAddress, String webappPath, ProblemResponses problems,
			TimeMeter time) {
		this.perUser = perUser;
		this.perAddress = perAddress;
		this.time = time;
		this.webappLogin = webappPath + "/api/admin/auth/user/";
		this.problems = problems;
		Duration longest = perUser.window().compareTo(perAddress.window()) > 0 ? perUser.window() : perAddress.window();
		this.failing = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(longest).build();
	}

	/** A key that has failed recently: what it may still fail, and its attempts in flight. */
	private record Failures(Bucket bucket, Semaphore attempts) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = attemptedUser(request);
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		List<String> keys = List.of(address, address + '\u0000' + user);
		List<Failures> recent = keys.stream().map(failing::getIfPresent).filter(Objects::nonNull).toList();
		long waitNanos = recent.stream()
			.mapToLong(failures -> failures.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill())
			.max()
			.orElse(0);
		if (waitNanos > 0) {
			tooManyFailures(request, response, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1);
			return;
		}
		List<Failures> held = new ArrayList<>();
		try {
			for (Failures failures : recent) {
				if (!failures.attempts().tryAcquire()) {
					tooManyFailures(request, response, 1);
					return;
				}
				held.add(failures);
			}
			chain.doFilter(request, response);
		}
		finally {
			held.forEach(failures -> failures.attempts().release());
		}
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			failing.get(keys.get(0), key -> newFailures(perAddress)).bucket().tryConsume(1);
			failing.get(keys.get(1), key -> newFailures(perUser)).bucket().tryConsume(1);
		}
	}

	/** The user a request tries to log in as; null when it carries no credentials. */
	private String attemptedUser(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null) {
			return BasicCredentials.of(header).map(BasicCredentials::userId).orElse("");
		}
		if ("POST".equals(request.getMethod()) && RequestPaths.withinApplication(request).startsWith(webappLogin)) {
			String user = request.getParameter("username");
			return user == null ? "" : user;
		}
		return null;
	}

	private Failures newFailures(Allowance allowance) {
		Bucket bucket = Bucket.builder()
			.addLimit(limit -> limit.capacity(allowance.failures()).refillGreedy(allowance.failures(), allowance.window()))
			.withCustomTimePrecision(time)
			.build();
		return new Failures(bucket, new Semaphore(PARALLEL_ATTEMPTS_AFTER_FAILURE));
	}

	private void tooManyFailures(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
			throws IOException {
		problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
				"Too many failed logins from this address; try again in " + retryAfterSeconds + " s. Other addresses "
						+ "are not affected, and no account is locked.",
				Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
	}

}
