package io.touchpoints.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a problem body to engine REST errors that come without one: Camunda's authentication filter answers 401 with
 * nothing but the challenge header.
 */
class EngineRestErrorBodyFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	EngineRestErrorBodyFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() >= 400 && response.getContentType() == null && !response.isCommitted()
				&& !request.isAsyncStarted()) {
			HttpStatusCode status = HttpStatusCode.valueOf(response.getStatus());
			problems.write(request.getRequestURI(), response, status,
					status.value() == HttpStatus.UNAUTHORIZED.value() ? "Authenticate with HTTP Basic as a Touchpoints user"
							: ProblemResponses.reasonPhrase(status.value()));
		}
	}

}
