package io.touchpoints.sandbox;

import java.lang.reflect.Method;
import java.util.Set;

import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's one expression manager, for every expression of every model (conditions, timers, mappings,
 * listeners, task attributes, message names, called elements...) and for stored Tasklist filters. Its resolvers
 * reach variables, {@code execution} and {@code task} as views, the {@link ModelBeans}, read-only lists, maps and
 * arrays, and the functions {@code now()}, {@code currentUser()} and {@code currentUserGroups()}; methods only on
 * the views and the model beans ({@link CallableMethods}). There is no bean resolver (which would call any method
 * of any object), no mock or process-application resolver, and no JUEL for DMN, which is FEEL only.
 */
class SandboxedExpressionManager extends JuelExpressionManager {

	// The engine registers dateTime() too; it returns a Joda object whose methods an expression could not call.
	static final Set<String> FUNCTIONS = Set.of(DateTimeFunctions.NOW, CommandContextFunctions.CURRENT_USER,
			CommandContextFunctions.CURRENT_USER_GROUPS);

	SandboxedExpressionManager(ModelBeans modelBeans) {
		super(modelBeans);
	}

	@Override
	public Expression createExpression(String expression) {
		return new SandboxedExpression(createValueExpression(expression), this, expression);
	}

	@Override
	public void addFunction(String name, Method function) {
		if (FUNCTIONS.contains(name)) {
			super.addFunction(name, function);
		}
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolver = new CompositeELResolver();
		resolver.add(new ScopeElResolver());
		resolver.add(new ReadOnlyMapELResolver(beans));
		resolver.add(new ArrayELResolver(true));
		resolver.add(new ListELResolver(true));
		resolver.add(new MapELResolver(true));
		resolver.add(new ModelCallsElResolver());
		return resolver;
	}

	@Override
	public ElProvider toElProvider() {
		return expression -> {
			throw new ExpressionRefusedException("DMN expression " + expression
					+ " is not FEEL; decisions are evaluated in FEEL only");
		};
	}

}
