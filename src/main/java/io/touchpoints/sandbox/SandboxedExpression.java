package io.touchpoints.sandbox;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;

/**
 * An expression of a model. The engine wraps every evaluation failure in a generic engine exception; a refusal by
 * the sandbox is passed on as what it is, naming the expression, so a deployment or a job says why it failed.
 */
class SandboxedExpression extends JuelExpression {

	SandboxedExpression(ValueExpression valueExpression, SandboxedExpressionManager manager, String expressionText) {
		super(valueExpression, manager, expressionText);
	}

	@Override
	public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
		try {
			return super.getValue(variableScope, contextExecution);
		}
		catch (RuntimeException failure) {
			throw refusalIn(failure);
		}
	}

	@Override
	public void setValue(Object value, VariableScope variableScope, BaseDelegateExecution contextExecution) {
		try {
			super.setValue(value, variableScope, contextExecution);
		}
		catch (RuntimeException failure) {
			throw refusalIn(failure);
		}
	}

	private RuntimeException refusalIn(RuntimeException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ExpressionRefusedException refusal) {
				return new ExpressionRefusedException(expressionText, refusal);
			}
		}
		return failure;
	}

}
