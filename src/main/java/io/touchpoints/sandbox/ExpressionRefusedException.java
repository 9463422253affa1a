package io.touchpoints.sandbox;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An expression in a model tried something the sandbox does not allow. A bad request rather than an engine
 * failure: engine REST answers 400 where it maps engine exceptions itself (deployments), and the message says what
 * an expression may use instead.
 */
public class ExpressionRefusedException extends BadUserRequestException {

	static final String WHAT_IS_ALLOWED = "Expressions may use variables, execution and task (their variables and ids), "
			+ "the model beans and the functions now(), currentUser() and currentUserGroups(); "
			+ "see processes/README.md, 'What an expression may use'";

	private final String reason;

	ExpressionRefusedException(String reason) {
		super(reason + ". " + WHAT_IS_ALLOWED);
		this.reason = reason;
	}

	ExpressionRefusedException(String expression, ExpressionRefusedException refusal) {
		super("Expression " + expression + " refused: " + refusal.reason + ". " + WHAT_IS_ALLOWED, refusal);
		this.reason = refusal.reason;
	}

}
