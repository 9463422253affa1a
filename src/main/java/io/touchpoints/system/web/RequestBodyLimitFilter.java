package io.touchpoints.system.web;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import io.touchpoints.system.ProblemResponses;

/**
 * Bounds every request body before anything reads it: a declared length over the limit is refused at once
 * without reading a byte, a body of unknown length fails to read past the limit, and no body can be read before the
 * caller is authenticated, except the few small ones that are themselves the credentials (the webapps' login, the
 * signed links of email preferences). Model deployments have a limit of their own.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final long deploymentLimit;

	private final long publicLimit;

	private final Pattern deployment;

	private final Pattern publicBodies;

	private final Callers callers;

	private final ProblemResponses problems;

	RequestBodyLimitFilter(Limits limits, String webappPath, Callers callers, ProblemResponses problems) {
		this.limit = limits.body().toBytes();
		this.deploymentLimit = limits.deployment().toBytes();
		this.publicLimit = limits.anonymous().toBytes();
		String webappEngine = Pattern.quote(webappPath) + "/api/engine/engine/[^/]+";
		this.deployment = Pattern.compile("(/engine-rest(/engine/[^/]+)?|" + webappEngine + ")/deployment/create");
		this.publicBodies = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/(login/[^/]+|logout)"
				+ "|/email-preferences/[^/]+(/.*)?|/surveys/[^/]+(/.*)?");
		this.callers = callers;
		this.problems = problems;
	}

	/** The limits: every body, model deployments, and the bodies read before anyone is authenticated. */
	record Limits(DataSize body, DataSize deployment, DataSize anonymous) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = RequestPaths.withinApplication(request);
		boolean isPublic = publicBodies.matcher(path).matches();
		long allowed = isPublic ? publicLimit : deployment.matcher(path).matches() ? deploymentLimit : limit;
		if (request.getContentLengthLong() > allowed) {
			tooLarge(request, response, allowed);
			return;
		}
		LimitedBodyRequest limited = new LimitedBodyRequest(request, allowed,
				() -> isPublic || callers.of(request).isPresent());
		try {
			chain.doFilter(limited, new RefusedBodyResponse(response, limited));
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (limited.refusal() == null) {
				throw e;
			}
		}
		if (limited.refusal() == null || response.isCommitted()) {
			return;
		}
		response.reset();
		if (limited.refusal() == LimitedBodyRequest.Refusal.TOO_LARGE) {
			tooLarge(request, response, allowed);
		}
		else {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"Authenticate before sending a request body", Map.of("Connection", "close"));
		}
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response, long allowed) throws IOException {
		// The rest of the body is not read: the connection closes after Tomcat's swallow limit.
		response.setHeader("Connection", "close");
		problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
				"The request body exceeds the limit of " + DataSize.ofBytes(allowed).toKilobytes() + " KB for this endpoint",
				Map.of());
	}

}
