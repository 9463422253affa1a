package io.touchpoints.system;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The only beans BPMN expressions can reach: delegates and listeners. Handed to the engine instead of the
 * whole application context, so a model cannot call {@code ${dataSource...}} or any other bean.
 * Beans are looked up lazily, so delegates may depend on engine services without a cycle.
 */
public class DelegateBeans extends AbstractMap<Object, Object> {

	static final Set<Class<?>> REACHABLE_TYPES = Set.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

	private final ListableBeanFactory beanFactory;

	private volatile Set<String> names;

	public DelegateBeans(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	public Set<String> names() {
		if (names == null) {
			names = REACHABLE_TYPES.stream()
				.flatMap(type -> Arrays.stream(beanFactory.getBeanNamesForType(type, false, false)))
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
			.flatMap(name -> Stream.of(Map.entry((Object) name, beanFactory.getBean(name))))
			.collect(Collectors.toUnmodifiableSet());
	}

}
