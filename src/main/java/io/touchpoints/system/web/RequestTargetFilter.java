package io.touchpoints.system.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.ProblemResponses;

/**
 * Refuses a request whose path or query has malformed percent-encoding (a bad escape, bytes that are not UTF-8):
 * the servlet container silently drops such query parameters, and what one part of the service would ignore
 * another might decode differently.
 */
class RequestTargetFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	RequestTargetFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = problemWith("path", request.getRequestURI().replace("+", "%2B"));
		if (problem == null && request.getQueryString() != null) {
			problem = problemWith("query", request.getQueryString());
		}
		if (problem != null) {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "Malformed request target",
					"The request " + problem, Map.of(), List.of(new FieldProblem(problem.split(" ")[0],
							"malformed percent-encoding")));
			return;
		}
		chain.doFilter(request, response);
	}

	private static String problemWith(String part, String encoded) {
		try {
			String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
			if (decoded.indexOf('\uFFFD') >= 0 && encoded.indexOf('\uFFFD') < 0) {
				return part + " has malformed percent-encoding: bytes that are not UTF-8";
			}
			return null;
		}
		catch (IllegalArgumentException malformed) {
			return part + " has malformed percent-encoding: " + malformed.getMessage();
		}
	}

}
