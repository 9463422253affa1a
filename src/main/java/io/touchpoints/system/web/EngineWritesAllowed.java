package io.touchpoints.system.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Of everything the engine's REST API can change, people other than administrators may do only what Tasklist,
 * Cockpit and Camunda Modeler need: queries sent as POST, working their tasks (claim, release, complete, comment),
 * changing their own password and profile, and deploying models. Every other write is refused, whatever permissions the engine would check: the engine leaves
 * too much open (anyone may suspend the history cleanup or verify anyone's password, a task worker may end a journey
 * with a BPMN error). Reads stay with the engine's authorization and the read rules.
 */
@Component
@Order(5)
class EngineWritesAllowed implements EngineRequestRule {

	/** The writes allowed to everyone the engine authorizes: POST paths below the engine. */
	static final List<Pattern> ALLOWED = List.of(
			Pattern.compile("/(task|process-instance|variable-instance|execution|job|incident)(/count)?"),
			Pattern.compile("/history/(process-instance|activity-instance|task|variable-instance|incident|job-log"
					+ "|decision-instance|user-operation|detail|identity-link-log|external-task-log)(/count)?"),
			Pattern.compile("/filter/[^/]+/(list|count|singleResult)"),
			Pattern.compile("/task/[^/]+/(claim|unclaim|complete|submit-form|comment/create)"),
			Pattern.compile("/deployment/create"),
			Pattern.compile("/identity/password-policy"));

	/** What everyone may change about themselves, as the Welcome app's profile page does: PUT paths. */
	static final Pattern OWN_ACCOUNT = Pattern.compile("/user/([^/]+)/(credentials|profile)");

	@Override
	public Answer check(EngineRequest request) {
		if (request.isRead() || request.caller().isAdministrator()) {
			return null;
		}
		boolean allowed = "POST".equals(request.method())
				&& ALLOWED.stream().anyMatch(pattern -> request.match(pattern) != null) || isOwnAccount(request);
		return allowed ? null : Answer.forbidden(request.method() + " " + request.path() + " is for administrators; "
				+ "people work their tasks (claim, release, complete, comment), change their own password and profile, "
				+ "and CX operations deploy models");
	}

	private static boolean isOwnAccount(EngineRequest request) {
		List<String> user = request.match(OWN_ACCOUNT);
		return "PUT".equals(request.method()) && user != null && user.get(0).equals(request.caller().userId());
	}

}
