package io.touchpoints.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
		String[] credentials = basicCredentials(request.getHeader("Authorization"));
		if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"Authenticate with HTTP Basic as a Touchpoints user", CHALLENGE);
			return;
		}
		List<String> groups = identityService.createGroupQuery()
			.groupMember(credentials[0])
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		identityService.setAuthentication(credentials[0], groups);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private static String[] basicCredentials(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
	}

}
