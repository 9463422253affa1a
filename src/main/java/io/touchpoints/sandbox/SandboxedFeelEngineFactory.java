package io.touchpoints.sandbox;

import static camundajar.impl.scala.jdk.CollectionConverters.SeqHasAsJava;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.feel.valuemapper.CustomValueMapper;

/** Camunda's FEEL engine with {@link PlainFeelValues} ahead of its own value mappers. */
final class SandboxedFeelEngineFactory implements FeelEngineFactory {

	private final DefaultDmnEngineConfiguration dmnConfiguration;

	SandboxedFeelEngineFactory(DefaultDmnEngineConfiguration dmnConfiguration) {
		this.dmnConfiguration = dmnConfiguration;
	}

	@Override
	public FeelEngine createInstance() {
		return new ScalaFeelEngine(dmnConfiguration.getFeelCustomFunctionProviders()) {

			@Override
			protected camundajar.impl.scala.collection.immutable.List<CustomValueMapper> getValueMappers() {
				List<CustomValueMapper> mappers = new ArrayList<>();
				mappers.add(new PlainFeelValues());
				mappers.addAll(SeqHasAsJava(super.getValueMappers()).asJava());
				return toList(mappers);
			}

		};
	}

}
