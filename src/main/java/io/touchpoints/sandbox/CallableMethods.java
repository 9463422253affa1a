package io.touchpoints.sandbox;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The methods an expression may call on an object: only on the views of {@code execution} and {@code task} and
 * on model beans, and only their public instance methods that Touchpoints declares. So never a method of
 * {@link Object} ({@code getClass()}), of a framework type, or of a proxy class (Spring's {@code Advised}, CGLIB's
 * callbacks): a bean's methods are looked up on its own class, not its proxy's.
 */
final class CallableMethods {

	private static final String OWN_PACKAGE = "io.touchpoints.";

	private static final Map<Class<?>, List<Method>> BY_CLASS = new ConcurrentHashMap<>();

	private CallableMethods() {
	}

	static boolean on(Object target) {
		return target instanceof VariableView || ModelBeans.isModelBean(target);
	}

	static List<Method> of(Object target) {
		return on(target) ? BY_CLASS.computeIfAbsent(ClassUtils.getUserClass(target), CallableMethods::declaredByUs) : List.of();
	}

	static List<Method> named(Object target, String name, int parameterCount) {
		return of(target).stream()
			.filter(method -> method.getName().equals(name) && method.getParameterCount() == parameterCount)
			.toList();
	}

	static Optional<Method> getter(Object target, String property) {
		if (property.isEmpty()) {
			return Optional.empty();
		}
		String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		return of(target).stream()
			.filter(method -> method.getParameterCount() == 0)
			.filter(method -> method.getName().equals("get" + capitalized)
					|| method.getName().equals("is" + capitalized) && method.getReturnType() == boolean.class)
			.findFirst();
	}

	private static List<Method> declaredByUs(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.filter(method -> !Modifier.isStatic(method.getModifiers()) && !method.isBridge() && !method.isSynthetic())
			.filter(method -> method.getDeclaringClass().getName().startsWith(OWN_PACKAGE))
			.filter(method -> !overridesObject(method))
			.sorted((a, b) -> a.getName().compareTo(b.getName()))
			.toList();
	}

	private static boolean overridesObject(Method method) {
		return ReflectionUtils.findMethod(Object.class, method.getName(), method.getParameterTypes()) != null;
	}

}
