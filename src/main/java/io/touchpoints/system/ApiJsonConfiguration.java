package io.touchpoints.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the API reads JSON: a string, a number and a boolean are three things, never converted into one another
 * ({@code "name": 123} and {@code "migrating": "yes"} are refused, not coerced), a fraction is no whole number, and
 * every date lies in {@link AcceptedDates}.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

	@Bean
	Module acceptedDatesModule() {
		return new AcceptedDatesModule();
	}

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictScalars() {
		return builder -> builder
			.featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.postConfigurer(mapper -> {
				mapper.coercionConfigFor(LogicalType.Textual)
					.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
				for (LogicalType number : new LogicalType[] { LogicalType.Integer, LogicalType.Float }) {
					mapper.coercionConfigFor(number)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
				}
				mapper.coercionConfigFor(LogicalType.Boolean)
					.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
			});
	}

}
