package io.touchpoints.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON request body with values of the wrong type in one answer that names every such value, together
 * with the Bean Validation problems of the other fields, before Jackson binds it: Jackson stops at the first
 * refusal, and a client should not have to learn of its mistakes one request at a time. A body that gives a key
 * twice is refused naming every such key. Bodies bound to {@code JsonNode} (the usage-event batches, which report
 * per event) are not checked here; Jackson refuses their repeated keys as malformed JSON.
 */
@RestControllerAdvice(basePackages = "io.touchpoints")
class JsonBodyCheck extends RequestBodyAdviceAdapter {

	private final ObjectMapper mapper;

	private final JsonFieldTypes types;

	private final Validator validator;

	JsonBodyCheck(MappingJackson2HttpMessageConverter apiJson, Validator validator) {
		this.mapper = apiJson.getObjectMapper();
		this.types = new JsonFieldTypes(mapper);
		this.validator = validator;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType)
				&& JsonFieldTypes.isObjectType(mapper.constructType(targetType));
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = input.getBody().readAllBytes();
		List<String> repeatedKeys = JsonDuplicateKeys.in(body);
		if (!repeatedKeys.isEmpty()) {
			throw new InvalidRequestException(repeatedKeys.stream()
				.map(key -> new FieldProblem(key, "is given more than once; give each field once"))
				.toList());
		}
		JsonNode document;
		try {
			document = mapper.readTree(body);
		}
		catch (JsonProcessingException | NumberFormatException unreadable) {
			// Jackson reports malformed JSON with its position, and a number no Java type holds with its field, when it
			// binds the body.
			return replay(input.getHeaders(), body);
		}
		if (document == null || document.isMissingNode()) {
			return replay(input.getHeaders(), body);
		}
		JavaType type = mapper.constructType(targetType);
		List<FieldProblem> problems = types.problems(document, type);
		if (!problems.isEmpty()) {
			if (parameter.hasParameterAnnotation(Valid.class)) {
				problems.addAll(problemsOfTheOtherFields(document, type, problems));
			}
			throw new InvalidRequestException(problems);
		}
		return replay(input.getHeaders(), body);
	}

	private List<FieldProblem> problemsOfTheOtherFields(JsonNode document, JavaType type, List<FieldProblem> refused) {
		if (!(document instanceof ObjectNode object)) {
			return List.of();
		}
		Set<String> refusedFields = refused.stream().map(problem -> topLevel(problem.field())).collect(Collectors.toSet());
		ObjectNode rest = object.deepCopy();
		rest.remove(refusedFields);
		Object value;
		try {
			value = mapper.readerFor(type).readValue(rest);
		}
		catch (IOException e) {
			return List.of();
		}
		List<FieldProblem> problems = new ArrayList<>();
		validator.validate(value).forEach(violation -> {
			String field = violation.getPropertyPath().toString();
			if (!refusedFields.contains(topLevel(field))) {
				problems.add(new FieldProblem(field.isEmpty() ? "body" : field, violation.getMessage()));
			}
		});
		return problems;
	}

	private static String topLevel(String field) {
		return field.split("[.\\[]", 2)[0];
	}

	private static HttpInputMessage replay(HttpHeaders headers, byte[] body) {
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		};
	}

}
