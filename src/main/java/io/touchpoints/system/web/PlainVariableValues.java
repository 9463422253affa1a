package io.touchpoints.system.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.system.FieldProblem;

/**
 * Variables sent to the engine hold plain values: text, numbers, booleans, dates or null. A value typed
 * {@code Object}, one naming a Java class, or an untyped list or map (which engine REST would store as a serialized
 * Java collection) is refused with the variable named, before the engine sees it; the engine refuses Java objects
 * too, but answers 500.
 */
@Component
@Order(60)
class PlainVariableValues implements EngineRequestRule {

	/** Where engine REST bodies carry variables, at any depth (a modification's instructions, say). */
	private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
			"processVariablesLocal", "localVariables", "variablesLocal", "correlationKeys", "localCorrelationKeys");

	private static final Pattern UPLOAD = Pattern.compile(".*/(variables|localVariables)/[^/]+/data");

	/** One variable set by name: the body is the value itself. */
	private static final Pattern ONE_VARIABLE = Pattern.compile(".*/(variables|localVariables)/([^/]+)");

	@Override
	public Answer check(EngineRequest request) throws IOException {
		if (request.isRead()) {
			return null;
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (request.match(UPLOAD) != null) {
			String javaType = request.multipartField("type");
			String valueType = request.multipartField("valueType");
			if (javaType != null || "object".equalsIgnoreCase(valueType)) {
				problems.add(new FieldProblem("type", "uploads hold files or bytes, not Java objects"));
			}
		}
		else if (request.match(ONE_VARIABLE) != null && "PUT".equals(request.method())) {
			check(request.match(ONE_VARIABLE).get(1), request.json(), problems);
		}
		else {
			collect(request.json(), "", problems);
		}
		return problems.isEmpty() ? null : Answer.invalid(problems);
	}

	private static void collect(JsonNode node, String path, List<FieldProblem> problems) {
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), path + "[" + i + "]", problems);
			}
			return;
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
			if (VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
				field.getValue()
					.fields()
					.forEachRemaining(variable -> check(fieldPath + "." + variable.getKey(), variable.getValue(), problems));
			}
			else {
				collect(field.getValue(), fieldPath, problems);
			}
		}
	}

	private static void check(String field, JsonNode variable, List<FieldProblem> problems) {
		String type = variable.path("type").asText("").toLowerCase(Locale.ROOT);
		JsonNode value = variable.path("value");
		if (type.equals("object") || variable.path("valueInfo").has("objectTypeName")) {
			problems.add(new FieldProblem(field, "must be a plain value (text, number, boolean, date or null), "
					+ "not a Java object"));
		}
		else if (type.isEmpty() && value.isContainerNode()) {
			problems.add(new FieldProblem(field, "must be a plain value (text, number, boolean, date or null), "
					+ "not a list or map"));
		}
	}

}
