package io.touchpoints.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.util.ClassUtil;

/**
 * Checks a JSON document against the Java type it is to become, value by value, naming every value Jackson would
 * refuse. Each value is read by the same {@link ObjectMapper} as the whole, with the same strictness and date range,
 * so the check and the binding never disagree; it only goes on where Jackson would stop at the first refusal.
 * Missing and null values are left to Bean Validation.
 */
final class JsonFieldTypes {

	private final ObjectMapper mapper;

	JsonFieldTypes(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** Whether values of {@code type} are JSON objects whose properties this class checks one by one. */
	static boolean isObjectType(JavaType type) {
		Class<?> raw = type.getRawClass();
		return !type.isContainerType() && !type.isEnumType() && !type.isPrimitive() && !raw.isInterface()
				&& !ClassUtil.isJDKClass(raw) && !JsonNode.class.isAssignableFrom(raw);
	}

	/** Every value of {@code document} that cannot become its part of {@code type}, by JSON path ("body" for the whole). */
	List<FieldProblem> problems(JsonNode document, JavaType type) {
		List<FieldProblem> problems = new ArrayList<>();
		check(document, type, "", problems);
		return problems;
	}

	private void check(JsonNode value, JavaType type, String path, List<FieldProblem> problems) {
		if (value.isNull()) {
			return;
		}
		if (isObjectType(type)) {
			if (!value.isObject()) {
				problems.add(problem(path, type, value, null));
				return;
			}
			for (BeanPropertyDefinition property : mapper.getDeserializationConfig().introspect(type).findProperties()) {
				JsonNode propertyValue = value.get(property.getName());
				if (propertyValue != null) {
					check(propertyValue, property.getPrimaryType(),
							path.isEmpty() ? property.getName() : path + "." + property.getName(), problems);
				}
			}
			return;
		}
		if (type.isCollectionLikeType() || type.isArrayType()) {
			if (!value.isArray()) {
				problems.add(problem(path, type, value, null));
				return;
			}
			for (int index = 0; index < value.size(); index++) {
				check(value.get(index), type.getContentType(), path + "[" + index + "]", problems);
			}
			return;
		}
		try {
			mapper.readerFor(type).readValue(value);
		}
		catch (IOException refused) {
			problems.add(problem(path, type, value, refused));
		}
	}

	private static FieldProblem problem(String path, JavaType type, JsonNode value, Exception failure) {
		return new FieldProblem(path.isEmpty() ? "body" : path, JsonValueProblems.of(type.getRawClass(), value, failure));
	}

}
