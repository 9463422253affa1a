package io.touchpoints.system;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link AllowedGroups}: an API endpoint without it is closed to everyone but administrators. */
class GroupAccessInterceptor implements HandlerInterceptor {

	private final IdentityService identityService;

	GroupAccessInterceptor(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Authentication authentication = identityService.getCurrentAuthentication();
		List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
				: authentication.getGroupIds();
		if (groups.contains(Groups.ADMIN) || groups.stream().anyMatch(allowedGroups(method)::contains)) {
			return true;
		}
		throw new ResponseStatusException(HttpStatus.FORBIDDEN,
				"This endpoint is for members of " + allowedGroups(method) + " only");
	}

	private static List<String> allowedGroups(HandlerMethod method) {
		AllowedGroups allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AllowedGroups.class);
		if (allowed == null) {
			allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedGroups.class);
		}
		return allowed == null ? List.of() : Arrays.asList(allowed.value());
	}

}
