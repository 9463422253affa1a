package io.touchpoints.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine API errors with the right status: engine REST as {@code application/problem+json}
 * ({@link EngineRestProblems}), the webapps' engine API in Camunda's format ({@link WebappEngineApi}).
 */
@Configuration(proxyBeanMethods = false)
class EngineErrorsConfiguration {

	/** Takes the place of the starter's resource config, which it only adds when there is none. */
	@Bean
	CamundaJerseyResourceConfig engineRestResources(ObjectMapper json) {
		return new EngineRestResources(json);
	}

	@Bean
	WebappEngineApi webappEngineApi(CamundaBpmProperties camunda) {
		return new WebappEngineApi(camunda.getWebapp().getApplicationPath());
	}

}
