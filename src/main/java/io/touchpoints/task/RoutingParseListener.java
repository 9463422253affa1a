package io.touchpoints.task;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every journey the routing listener, with the task type the model names in its
 * {@code taskType} extension property (the task's id when it names none, which the routing table's catch-all
 * rule then handles).
 */
class RoutingParseListener extends AbstractBpmnParseListener {

	private final TaskAssignments assignments;

	RoutingParseListener(TaskAssignments assignments) {
		this.assignments = assignments;
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		String taskType = taskTypeOf(userTaskElement);
		TaskListener route = task -> assignments.routeJourneyTask(task, taskType == null ? activity.getId() : taskType);
		((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
			.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, route);
	}

	private static String taskTypeOf(Element userTask) {
		Element extensions = userTask.element("extensionElements");
		Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
		if (properties == null) {
			return null;
		}
		return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")
			.stream()
			.filter(property -> TaskTypes.PROPERTY.equals(property.attribute("name")))
			.map(property -> property.attribute("value"))
			.filter(value -> value != null && !value.isBlank())
			.findFirst()
			.orElse(null);
	}

}
