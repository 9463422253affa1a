package io.touchpoints.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AsEngine;

/** Finds the form of a person's task, whichever way the model declares it. */
@Component
class TaskForms {

	private final FormService formService;

	private final AsEngine asEngine;

	private final ObjectMapper objectMapper;

	TaskForms(@Lazy FormService formService, AsEngine asEngine, ObjectMapper objectMapper) {
		this.formService = formService;
		this.asEngine = asEngine;
		this.objectMapper = objectMapper;
	}

	/** The task's form; {@link TaskForm#NONE} when it has none (a task completed without input). */
	TaskForm of(String taskId) {
		return asEngine.call(() -> {
			TaskFormData data = formService.getTaskFormData(taskId);
			if (data == null || data.getFormKey() == null && data.getCamundaFormRef() == null) {
				// A task of no process (a follow-up) or with no form at all.
				return data == null || data.getFormFields().isEmpty() ? TaskForm.NONE : generatedForm(data);
			}
			if (!data.getFormFields().isEmpty()) {
				return generatedForm(data);
			}
			try (InputStream form = formService.getDeployedTaskForm(taskId)) {
				return TaskForm.ofCamundaForm(objectMapper.readTree(form));
			}
			catch (BadUserRequestException noDeployedForm) {
				return TaskForm.NONE;
			}
			catch (IOException e) {
				throw new UncheckedIOException("The form of task " + taskId + " is not valid JSON", e);
			}
		});
	}

	private static TaskForm generatedForm(TaskFormData data) {
		Map<String, TaskForm.Field> fields = new LinkedHashMap<>();
		for (FormField field : data.getFormFields()) {
			TaskForm.Kind kind = switch (field.getTypeName()) {
				case "string", "date", "enum" -> TaskForm.Kind.TEXT;
				case "long" -> TaskForm.Kind.NUMBER;
				case "boolean" -> TaskForm.Kind.BOOLEAN;
				default -> TaskForm.Kind.SCALAR;
			};
			boolean readOnly = field.getValidationConstraints()
				.stream()
				.anyMatch(constraint -> "readonly".equals(constraint.getName()));
			boolean required = field.getValidationConstraints()
				.stream()
				.anyMatch(constraint -> "required".equals(constraint.getName()));
			fields.put(field.getId(), new TaskForm.Field(kind, readOnly, required));
		}
		return new TaskForm(fields);
	}

}
