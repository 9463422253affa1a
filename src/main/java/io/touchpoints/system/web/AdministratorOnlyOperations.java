package io.touchpoints.system.web;

import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine operations the engine leaves open to any authenticated user: verifying someone else's password (a
 * password oracle) and changing jobs that belong to no process, such as the history cleanup (the engine checks
 * jobs only through their process). Both are for administrators; so are all other job changes, which the
 * engine already limits to them.
 */
@Component
@Order(20)
class AdministratorOnlyOperations implements EngineRequestRule {

	private static final Pattern VERIFY = Pattern.compile("/identity/verify");

	private static final Pattern JOBS = Pattern.compile("/(job|job-definition)(/.*)?");

	@Override
	public Refusal check(EngineRequest request) {
		if (request.caller().isAdministrator()) {
			return null;
		}
		if (request.match(VERIFY) != null) {
			return Refusal.forbidden("Only administrators may verify users' credentials");
		}
		if (!request.isRead() && request.match(JOBS) != null) {
			return Refusal.forbidden("Only administrators may change jobs");
		}
		return null;
	}

}
