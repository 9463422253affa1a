package io.touchpoints.system;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.touchpoints.system.web.BasicCredentials;

/**
 * HTTP Basic authentication of the service's own API against Camunda's identity service. The caller becomes
 * the engine's authenticated user for the request, so engine authorizations apply to what the API does.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

	private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"touchpoints\"");

	private final IdentityService identityService;

	private final ProblemResponses problems;

	public ApiAuthenticationFilter(IdentityService identityService, ProblemResponses problems) {
		this.identityService = identityService;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BasicCredentials credentials = BasicCredentials.of(request.getHeader("Authorization")).orElse(null);
		if (credentials == null || !identityService.checkPassword(credentials.userId(), credentials.password())) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"Authenticate with HTTP Basic as a Touchpoints user", CHALLENGE);
			return;
		}
		List<String> groups = identityService.createGroupQuery()
			.groupMember(credentials.userId())
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		identityService.setAuthentication(credentials.userId(), groups);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
