package io.touchpoints.system.web;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;

/**
 * Who is calling: for engine REST and {@code /api}, the user the authentication filters established; for the
 * webapps' API, the user of the webapp session (the webapps authenticate after our filters run, from the same
 * session).
 */
@Component
public class Callers {

	/** Where the webapps keep their logins in the session ({@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}, not public). */
	private static final String WEBAPP_SESSION_KEY = "authenticatedUser";

	private final IdentityService identityService;

	private final String webappApi;

	Callers(IdentityService identityService, CamundaBpmProperties camunda) {
		this.identityService = identityService;
		this.webappApi = camunda.getWebapp().getApplicationPath() + "/api/";
	}

	public Optional<Caller> of(HttpServletRequest request) {
		if (RequestPaths.withinApplication(request).startsWith(webappApi)) {
			return ofWebappSession(request.getSession(false));
		}
		Authentication authentication = identityService.getCurrentAuthentication();
		return authentication == null || authentication.getUserId() == null ? Optional.empty()
				: Optional.of(new Caller(authentication.getUserId(), authentication.getGroupIds()));
	}

	boolean isWebappRequest(HttpServletRequest request) {
		return RequestPaths.withinApplication(request).startsWith(webappApi);
	}

	/**
	 * Runs engine calls with the engine's authorization checks for {@code caller}, as the engine would for their
	 * own request; for rules that run before the webapps set the engine's authentication themselves.
	 */
	public <T> T as(Caller caller, Supplier<T> work) {
		Authentication previous = identityService.getCurrentAuthentication();
		identityService.setAuthentication(caller.userId(), caller.groupIds());
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				identityService.clearAuthentication();
			}
			else {
				identityService.setAuthentication(previous);
			}
		}
	}

	private static Optional<Caller> ofWebappSession(HttpSession session) {
		if (session == null) {
			return Optional.empty();
		}
		if (!(session.getAttribute(WEBAPP_SESSION_KEY) instanceof Authentications authentications)) {
			return Optional.empty();
		}
		return authentications.getAuthentications()
			.stream()
			.findFirst()
			.map(user -> new Caller(user.getName(), user.getGroupIds()));
	}

}
