package io.touchpoints.sandbox;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * Resolves the names at the start of an expression: {@code execution} and {@code task} as views, never as the
 * engine's entities; {@code authenticatedUserId}; and the variables of the scope being evaluated.
 */
class ScopeElResolver extends ELResolver {

	static final String EXECUTION = "execution";

	static final String TASK = "task";

	static final String AUTHENTICATED_USER_ID = "authenticatedUserId";

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base != null || !(property instanceof String name)) {
			return null;
		}
		VariableScope scope = scopeOf(context);
		Object view = view(scope, name);
		if (view != null) {
			context.setPropertyResolved(true);
			return view;
		}
		if (AUTHENTICATED_USER_ID.equals(name)) {
			context.setPropertyResolved(true);
			CommandContext commandContext = Context.getCommandContext();
			return commandContext == null ? null : commandContext.getAuthenticatedUserId();
		}
		if (scope != null && scope.hasVariable(name)) {
			context.setPropertyResolved(true);
			return scope.getVariable(name);
		}
		if (EXECUTION.equals(name) || TASK.equals(name)) {
			throw new ExpressionRefusedException("there is no " + name + " where this expression is evaluated (a start "
					+ "event's timer is evaluated at deployment; task exists in task listeners and task attributes only)");
		}
		return null;
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		if (base != null || !(property instanceof String name)) {
			return;
		}
		VariableScope scope = scopeOf(context);
		if (scope != null && scope.hasVariable(name)) {
			scope.setVariable(name, PlainValues.require(name, value));
			context.setPropertyResolved(true);
		}
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		if (base != null || !(property instanceof String name)) {
			return false;
		}
		VariableScope scope = scopeOf(context);
		if (view(scope, name) != null) {
			context.setPropertyResolved(true);
			return true;
		}
		if (scope != null && scope.hasVariable(name)) {
			context.setPropertyResolved(true);
			return false;
		}
		return false;
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return base == null ? String.class : null;
	}

	private static VariableScope scopeOf(ELContext context) {
		return (VariableScope) context.getContext(VariableScope.class);
	}

	private static Object view(VariableScope scope, String name) {
		if (EXECUTION.equals(name)) {
			DelegateExecution execution = scope instanceof DelegateExecution own ? own
					: scope instanceof DelegateTask task ? task.getExecution() : null;
			return execution == null ? null : new ExecutionView(execution);
		}
		if (TASK.equals(name) && scope instanceof DelegateTask task) {
			return new TaskView(task);
		}
		return null;
	}

}
