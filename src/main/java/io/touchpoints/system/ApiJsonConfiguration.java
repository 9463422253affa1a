package io.touchpoints.system;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * How the API reads JSON: a string, a number and a boolean are three things, never converted into one another
 * ({@code "name": 123} and {@code "migrating": "yes"} are refused, not coerced), a fraction is no whole number,
 * every date lies in {@link AcceptedDates}, a number is read exactly as written, and a key given twice in one object
 * is refused.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

	@Bean
	Module acceptedDatesModule() {
		return new AcceptedDatesModule();
	}

	/**
	 * The API's request bodies: numbers as written (1e400 is too large for its field, not infinity; 0.10 keeps its
	 * two decimals), and no key twice, which Jackson would otherwise settle by keeping one. Only the API's: the web
	 * filters that inspect engine requests read bodies as leniently as Camunda's own parser, so both see one body.
	 */
	@Bean
	MappingJackson2HttpMessageConverter apiJsonConverter(Jackson2ObjectMapperBuilder builder) {
		ObjectMapper api = builder.build();
		api.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
		api.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		api.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
		return new MappingJackson2HttpMessageConverter(api);
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
