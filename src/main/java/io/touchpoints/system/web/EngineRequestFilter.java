package io.touchpoints.system.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import io.touchpoints.system.ProblemResponses;

/**
 * Applies every {@link EngineRequestRule} to authenticated requests to the engine's REST API, through
 * {@code /engine-rest} or the webapps' mirror of it. Paths are taken as the servlet container decoded and
 * normalised them (no path parameters, no {@code ..}), so a rule sees the resource the engine will serve.
 */
class EngineRequestFilter extends OncePerRequestFilter {

	private static final Pattern ENGINE_REST = Pattern.compile("/engine-rest(?:/engine/[^/]+)?(/.*)?");

	private final Pattern webappEngineApi;

	private final Callers callers;

	private final List<EngineRequestRule> rules;

	private final ObjectMapper objectMapper;

	private final ProblemResponses problems;

	EngineRequestFilter(String webappPath, Callers callers, List<EngineRequestRule> rules, ObjectMapper objectMapper,
			ProblemResponses problems) {
		this.webappEngineApi = Pattern.compile(Pattern.quote(webappPath + "/api/engine/engine/") + "[^/]+(/.*)?");
		this.callers = callers;
		this.rules = rules;
		this.objectMapper = objectMapper;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String resource = resourcePath(request);
		Optional<Caller> caller = callers.of(request);
		if (resource == null || caller.isEmpty()) {
			// Not the engine's API, or not authenticated: the webapps' own security refuses the latter.
			chain.doFilter(request, response);
			return;
		}
		EngineRequest engineRequest = new EngineRequest(request, resource, caller.get(), objectMapper);
		for (EngineRequestRule rule : rules) {
			Answer answer = rule.check(engineRequest);
			if (answer != null && answer.isRefusal()) {
				problems.write(request, response, answer.status(), answer.title(), answer.detail(), Map.of(),
						answer.errors());
				return;
			}
			if (answer != null) {
				response.setStatus(answer.status().value());
				return;
			}
		}
		chain.doFilter(engineRequest.forwardable(), response);
	}

	private String resourcePath(HttpServletRequest request) {
		String path = RequestPaths.withinApplication(request);
		for (Pattern api : List.of(ENGINE_REST, webappEngineApi)) {
			Matcher matcher = api.matcher(path);
			if (matcher.matches()) {
				String resource = matcher.group(1) == null ? "/" : matcher.group(1);
				return resource.length() > 1 && resource.endsWith("/") ? resource.substring(0, resource.length() - 1)
						: resource;
			}
		}
		return null;
	}

}
