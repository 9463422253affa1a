package io.touchpoints.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields a task's form lets a person fill in, by variable name: what Tasklist may submit, and of which kind.
 * Read from the Camunda Form the task references, or from its generated form fields.
 */
record TaskForm(Map<String, Field> fields) {

	static final TaskForm NONE = new TaskForm(Map.of());

	/** A field's value kind, whether the form only shows it, and whether it must have a value. */
	record Field(Kind kind, boolean readOnly, boolean required) {
	}

	/** The kinds of value a field holds; SCALAR (any plain value) where the component's type says no more. */
	enum Kind {
		TEXT, NUMBER, BOOLEAN, SCALAR
	}

	/**
	 * Any task may be completed with an {@code outcome} in words, which goes on the customer's timeline
	 * ({@link TaskCompletionTimeline}), whether or not its form shows such a field.
	 */
	static final Field OUTCOME = new Field(Kind.TEXT, false, false);

	Optional<Field> field(String name) {
		Field field = fields.get(name);
		return Optional.ofNullable(field == null && TaskCompletionTimeline.OUTCOME.equals(name) ? OUTCOME : field);
	}

	/** The fields of a Camunda Form (form-js JSON), including those nested in groups. */
	static TaskForm ofCamundaForm(JsonNode form) {
		Map<String, Field> fields = new LinkedHashMap<>();
		collect(form.path("components"), fields);
		return new TaskForm(fields);
	}

	private static void collect(JsonNode components, Map<String, Field> fields) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			String key = component.path("key").asText(component.path("path").asText(null));
			if (key != null && !"button".equals(type)) {
				boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
				boolean required = component.path("validate").path("required").asBoolean(false);
				fields.put(key, new Field(kindOf(type), readOnly, required));
			}
			collect(component.path("components"), fields);
		}
	}

	private static Kind kindOf(String componentType) {
		return switch (componentType) {
			case "textfield", "textarea", "radio", "select", "datetime" -> Kind.TEXT;
			case "number" -> Kind.NUMBER;
			case "checkbox" -> Kind.BOOLEAN;
			default -> Kind.SCALAR;
		};
	}

}
