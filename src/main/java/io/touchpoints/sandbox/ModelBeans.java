package io.touchpoints.sandbox;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * The only beans a model can reach by name: delegates and listeners marked {@link ModelBean}. Handed to the
 * engine instead of the application context, so {@code ${dataSource}} or any other bean resolves to nothing.
 * Beans are looked up lazily, so delegates may depend on engine services without a cycle.
 */
class ModelBeans extends AbstractMap<Object, Object> {

	static final Set<Class<?>> MODEL_BEAN_TYPES = Set.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

	private final ListableBeanFactory beanFactory;

	private volatile Set<String> names;

	ModelBeans(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/** Whether an object is one of these beans (or a proxy of one), whose own public methods a model may call. */
	static boolean isModelBean(Object candidate) {
		return AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(candidate), ModelBean.class);
	}

	Set<String> names() {
		if (names == null) {
			names = MODEL_BEAN_TYPES.stream()
				.flatMap(type -> Arrays.stream(beanFactory.getBeanNamesForType(type, false, false)))
				.filter(name -> beanFactory.findAnnotationOnBean(name, ModelBean.class, false) != null)
				.collect(Collectors.toUnmodifiableSet());
		}
		return names;
	}

	@Override
	public boolean containsKey(Object key) {
		return names().contains(key);
	}

	@Override
	public Object get(Object key) {
		return containsKey(key) ? beanFactory.getBean((String) key) : null;
	}

	@Override
	public Set<Entry<Object, Object>> entrySet() {
		return names().stream()
			.map(name -> Map.entry((Object) name, beanFactory.getBean(name)))
			.collect(Collectors.toUnmodifiableSet());
	}

}
