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
 * Bounds every request body before anything reads it, authenticated or not: a declared length over the limit is
 * refused at once without reading a byte, and a body of unknown length fails to read past the limit. Model
 * deployments have a limit of their own.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** Engine REST's and the webapps' deployment endpoint, the only one that takes whole models. */
	static final Pattern DEPLOYMENT = Pattern.compile("(/engine-rest|/[^/]+/api/engine/engine/[^/]+)/deployment/create");

	private final long limit;

	private final long deploymentLimit;

	private final ProblemResponses problems;

	RequestBodyLimitFilter(DataSize limit, DataSize deploymentLimit, ProblemResponses problems) {
		this.limit = limit.toBytes();
		this.deploymentLimit = deploymentLimit.toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long allowed = DEPLOYMENT.matcher(RequestPaths.withinApplication(request)).matches() ? deploymentLimit : limit;
		long declared = request.getContentLengthLong();
		if (declared > allowed) {
			tooLarge(request, response, allowed);
			return;
		}
		if (declared >= 0) {
			chain.doFilter(request, response);
			return;
		}
		LimitedBodyRequest limited = new LimitedBodyRequest(request, allowed);
		try {
			chain.doFilter(limited, new RefusedBodyResponse(response, limited));
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!limited.exceeded()) {
				throw e;
			}
		}
		if (limited.exceeded() && !response.isCommitted()) {
			response.reset();
			tooLarge(request, response, allowed);
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
