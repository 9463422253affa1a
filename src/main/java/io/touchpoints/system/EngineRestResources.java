package io.touchpoints.system;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * Camunda's engine REST resources and providers as the starter registers them, except its exception mappers (and
 * Jackson's, which Jersey's JSON feature would add): {@link EngineRestProblems} answers every failure alone.
 */
class EngineRestResources extends CamundaJerseyResourceConfig {

	private static final Set<Class<?>> CAMUNDA_EXCEPTION_MAPPERS = Set.of(ExceptionHandler.class,
			ProcessEngineExceptionHandler.class, RestExceptionHandler.class, JsonMappingExceptionHandler.class,
			JsonParseExceptionHandler.class);

	private final ObjectMapper json;

	EngineRestResources(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void registerCamundaRestResources() {
		registerClasses(CamundaRestResources.getResourceClasses());
		CamundaRestResources.getConfigurationClasses()
			.stream()
			.filter(provider -> !CAMUNDA_EXCEPTION_MAPPERS.contains(provider))
			.forEach(this::register);
		register(JacksonFeature.withoutExceptionMappers());
		register(new EngineRestProblems(json));
	}

}
