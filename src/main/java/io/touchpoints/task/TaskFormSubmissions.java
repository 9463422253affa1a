package io.touchpoints.task;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AsEngine;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.web.EngineRequest;
import io.touchpoints.system.web.EngineRequestRule;
import io.touchpoints.system.web.Answer;

/**
 * A person completing a task sets only what the task's form asks for: each submitted variable must be an
 * editable field of the form, with a value of the field's kind, and a read-only field may only come back
 * unchanged. Anything else (a process variable such as {@code purchaseId}, an object type) is refused with the
 * field named, so completing a task cannot rewrite the journey's data.
 */
@Component
@Order(50)
class TaskFormSubmissions implements EngineRequestRule {

	private static final Pattern SUBMISSION = Pattern.compile("/task/([^/]+)/(submit-form|complete)");

	private static final Set<String> NUMBER_TYPES = Set.of("Integer", "Long", "Short", "Double");

	private static final Map<TaskForm.Kind, Set<String>> ENGINE_TYPES = Map.of(TaskForm.Kind.TEXT, Set.of("String"),
			TaskForm.Kind.NUMBER, NUMBER_TYPES, TaskForm.Kind.BOOLEAN, Set.of("Boolean"), TaskForm.Kind.SCALAR,
			Set.of("String", "Boolean", "Integer", "Long", "Short", "Double", "Date"));

	private final TaskForms forms;

	private final TaskService taskService;

	private final AsEngine asEngine;

	private final ObjectMapper objectMapper;

	TaskFormSubmissions(TaskForms forms, @Lazy TaskService taskService, AsEngine asEngine, ObjectMapper objectMapper) {
		this.forms = forms;
		this.taskService = taskService;
		this.asEngine = asEngine;
		this.objectMapper = objectMapper;
	}

	@Override
	public Answer check(EngineRequest request) throws IOException {
		List<String> submission = request.match(SUBMISSION);
		if (submission == null || !"POST".equals(request.method()) || request.caller().isAdministrator()) {
			return null;
		}
		JsonNode variables = request.json().path("variables");
		String taskId = submission.get(0);
		TaskForm form = forms.of(taskId);
		List<FieldProblem> problems = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> fields = variables.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> variable = fields.next();
			String problem = problemWith(taskId, form, variable.getKey(), variable.getValue());
			if (problem != null) {
				problems.add(new FieldProblem("variables." + variable.getKey(), problem));
			}
		}
		form.fields().forEach((name, field) -> {
			if (field.required() && !field.readOnly() && !hasValue(variables.path(name).path("value"))
					&& !(variables.path(name).isMissingNode() && hasValue(current(taskId, name)))) {
				problems.add(new FieldProblem("variables." + name, "is required by this task's form"));
			}
		});
		return problems.isEmpty() ? null : Answer.invalid(problems);
	}

	private String problemWith(String taskId, TaskForm form, String name, JsonNode variable) {
		TaskForm.Field field = form.field(name).orElse(null);
		if (field == null) {
			return form.fields().isEmpty() ? "this task has no form fields; complete it with an 'outcome' at most"
					: "is not a field of this task's form (fields: " + String.join(", ", form.fields().keySet())
							+ ", outcome)";
		}
		JsonNode value = variable.path("value");
		if (!variable.path("valueInfo").isMissingNode() && !variable.path("valueInfo").isEmpty()) {
			return "must be a plain value, without valueInfo";
		}
		String kindProblem = kindProblem(field.kind(), value, variable.path("type").asText(null));
		if (kindProblem != null) {
			return kindProblem;
		}
		if (field.readOnly() && !sameAsCurrent(taskId, name, value)) {
			return "is read-only on this form and cannot be changed";
		}
		return null;
	}

	private static String kindProblem(TaskForm.Kind kind, JsonNode value, String type) {
		if (value.isNull() || value.isMissingNode()) {
			return null;
		}
		boolean matches = switch (kind) {
			case TEXT -> value.isTextual();
			case NUMBER -> value.isNumber();
			case BOOLEAN -> value.isBoolean();
			case SCALAR -> value.isValueNode();
		};
		if (!matches || type != null && !ENGINE_TYPES.get(kind).contains(type)) {
			return "must be " + switch (kind) {
				case TEXT -> "text";
				case NUMBER -> "a number";
				case BOOLEAN -> "true or false";
				case SCALAR -> "a plain value (text, a number, true or false, a date)";
			};
		}
		return null;
	}

	private static boolean hasValue(JsonNode value) {
		return !value.isMissingNode() && !value.isNull() && !(value.isTextual() && value.textValue().isBlank());
	}

	private JsonNode current(String taskId, String name) {
		return objectMapper.valueToTree(asEngine.call(() -> taskService.getVariable(taskId, name)));
	}

	private boolean sameAsCurrent(String taskId, String name, JsonNode value) {
		JsonNode current = current(taskId, name);
		JsonNode submitted = value.isMissingNode() ? objectMapper.nullNode() : value;
		if (current.isNumber() && submitted.isNumber()) {
			return current.decimalValue().compareTo(submitted.decimalValue()) == 0;
		}
		return current.equals(submitted);
	}

}
