package io.touchpoints.sandbox;

import java.beans.FeatureDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The last resolver of the chain: the only one that calls methods or reads properties of objects, and only those
 * {@link CallableMethods} allows. Everything else an expression reaches for (a method of a text, {@code .class},
 * an engine service) is refused here with a message saying what is allowed.
 */
class ModelCallsElResolver extends ELResolver {

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base == null) {
			return null;
		}
		String name = String.valueOf(property);
		Method getter = CallableMethods.getter(base, name)
			.orElseThrow(() -> new ExpressionRefusedException("'" + name + "' cannot be read from " + describe(base)
					+ offered(base)));
		context.setPropertyResolved(true);
		return call(getter, base, new Object[0]);
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		if (base == null) {
			return null;
		}
		String name = String.valueOf(method);
		Object[] arguments = params == null ? new Object[0] : params;
		List<Method> candidates = CallableMethods.named(base, name, arguments.length);
		if (candidates.isEmpty()) {
			throw new ExpressionRefusedException(name + "() cannot be called on " + describe(base) + offered(base));
		}
		RuntimeException coercionFailure = null;
		for (Method candidate : candidates) {
			Object[] coerced;
			try {
				coerced = coerce(context, candidate, arguments);
			}
			catch (ELException | IllegalArgumentException e) {
				coercionFailure = e;
				continue;
			}
			context.setPropertyResolved(true);
			return call(candidate, base, coerced);
		}
		throw coercionFailure;
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		if (base != null) {
			throw new ExpressionRefusedException("'" + property + "' of " + describe(base) + " cannot be changed");
		}
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		if (base != null) {
			context.setPropertyResolved(true);
			return true;
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
		return null;
	}

	private static Object[] coerce(ELContext context, Method method, Object[] arguments) {
		Class<?>[] types = method.getParameterTypes();
		Object[] coerced = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			coerced[i] = context.convertToType(arguments[i], types[i]);
		}
		return coerced;
	}

	private static Object call(Method method, Object target, Object[] arguments) {
		ReflectionUtils.makeAccessible(method);
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException e) {
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new ELException(e.getCause());
		}
		catch (IllegalAccessException e) {
			throw new ELException(e);
		}
	}

	private static String describe(Object base) {
		if (base instanceof ExecutionView) {
			return ScopeElResolver.EXECUTION;
		}
		if (base instanceof TaskView) {
			return ScopeElResolver.TASK;
		}
		return CallableMethods.on(base) ? "model bean " + ClassUtils.getUserClass(base).getSimpleName()
				: "a value of type " + base.getClass().getName() + " (methods and properties of values are not reachable)";
	}

	private static String offered(Object base) {
		List<Method> methods = CallableMethods.of(base);
		return methods.isEmpty() ? ""
				: "; it offers " + methods.stream().map(method -> method.getName() + "()").distinct().collect(Collectors.joining(", "));
	}

}
