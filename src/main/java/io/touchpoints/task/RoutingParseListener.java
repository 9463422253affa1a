package io.touchpoints.task;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every journey the routing listener, with what the model says in its extension
 * properties: {@code taskType} (the task's id when it names none, which the routing table's catch-all rule then
 * handles), {@code routeTo} ({@code candidate-group}, the default, or {@code lead-group}) and
 * {@code taskIdVariable} (a process variable to hold the new task's id). The first two may be expressions, so one
 * model can route tasks of any type (the follow-up task's does).
 */
class RoutingParseListener extends AbstractBpmnParseListener {

	static final String TASK_TYPE = TaskTypes.PROPERTY;

	static final String ROUTE_TO = "routeTo";

	static final String TASK_ID_VARIABLE = "taskIdVariable";

	private final TaskAssignments assignments;

	RoutingParseListener(TaskAssignments assignments) {
		this.assignments = assignments;
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		Map<String, String> properties = propertiesOf(userTaskElement);
		Expression taskType = expression(properties.get(TASK_TYPE));
		Expression routeTo = expression(properties.get(ROUTE_TO));
		String taskIdVariable = properties.get(TASK_ID_VARIABLE);
		TaskListener route = task -> {
			String type = textOf(taskType, task);
			assignments.routeJourneyTask(task, type == null ? activity.getId() : type,
					RouteTo.of(textOf(routeTo, task), task.getName()));
			if (taskIdVariable != null) {
				task.getExecution().setVariable(taskIdVariable, task.getId());
			}
		};
		((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
			.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, route);
	}

	private static Expression expression(String text) {
		return text == null ? null : Context.getProcessEngineConfiguration().getExpressionManager().createExpression(text);
	}

	private static String textOf(Expression expression, DelegateTask task) {
		Object value = expression == null ? null : expression.getValue(task);
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

	private static Map<String, String> propertiesOf(Element userTask) {
		Element extensions = userTask.element("extensionElements");
		Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
		if (properties == null) {
			return Map.of();
		}
		return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")
			.stream()
			.filter(property -> property.attribute("name") != null && property.attribute("value") != null
					&& !property.attribute("value").isBlank())
			.collect(Collectors.toMap(property -> property.attribute("name"), property -> property.attribute("value"),
					(first, second) -> first));
	}

}
