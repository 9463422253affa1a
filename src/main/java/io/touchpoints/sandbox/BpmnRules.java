package io.touchpoints.sandbox;

import static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS;
import static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser.BPMN20_NS;
import static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamReader;

/**
 * What a BPMN model may not contain: anything from which the engine would run a script, instantiate a class,
 * change a shared bean, run a program or send mail, call a CMMN case, or make Tasklist run a page's JavaScript or
 * leave for another address. Expressions are not checked here: they are sandboxed where they are evaluated.
 */
final class BpmnRules implements ElementRules {

	static final String USE_A_TEMPLATE = "use a service task with an element template from .camunda/element-templates";

	private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "formHandlerClass");

	private static final Set<String> LISTENERS = Set.of("executionListener", "taskListener");

	private static final Pattern CAMUNDA_FORM_KEY = Pattern.compile("camunda-forms:deployment:[^${}#]+\\.form");

	@Override
	public String rootProblem(String namespace, String localName) {
		return BPMN20_NS.equals(namespace) && "definitions".equals(localName) ? null
				: "is not a BPMN 2.0 model (its root element is {" + namespace + "}" + localName + ")";
	}

	@Override
	public List<String> problemsOf(XMLStreamReader element) {
		List<String> problems = new ArrayList<>();
		String namespace = element.getNamespaceURI();
		String name = element.getLocalName();
		if (ACTIVITI_BPMN_EXTENSIONS_NS.equals(namespace) || usesActivitiAttributes(element)) {
			problems.add("uses the legacy Activiti namespace " + ACTIVITI_BPMN_EXTENSIONS_NS
					+ ", which the engine reads like camunda:; use the camunda: settings of the element templates");
		}
		if (BPMN20_NS.equals(namespace) && "scriptTask".equals(name)) {
			problems.add("is a script task; " + USE_A_TEMPLATE);
		}
		if (CAMUNDA_BPMN_EXTENSIONS_NS.equals(namespace)) {
			problems.addAll(camundaElementProblems(element, name));
		}
		for (int i = 0; i < element.getAttributeCount(); i++) {
			String attributeNamespace = element.getAttributeNamespace(i);
			String attribute = element.getAttributeLocalName(i);
			String value = element.getAttributeValue(i);
			if (CAMUNDA_BPMN_EXTENSIONS_NS.equals(attributeNamespace)) {
				problems.addAll(camundaAttributeProblems(attribute, value));
			}
			else if ((attributeNamespace == null || attributeNamespace.isEmpty()) && "language".equals(attribute)) {
				problems.add("is a script in language '" + value + "'; write the condition as an expression "
						+ "(${...}) without a language, or " + USE_A_TEMPLATE);
			}
		}
		return problems;
	}

	private static List<String> camundaElementProblems(XMLStreamReader element, String name) {
		if ("script".equals(name)) {
			return List.of("holds a script (camunda:script); use an expression, or " + USE_A_TEMPLATE);
		}
		if ("field".equals(name)) {
			return List.of("injects a field into a delegate bean (camunda:field), which every journey shares; "
					+ "use the input parameters of the bean's element template");
		}
		if (LISTENERS.contains(name) && element.getAttributeValue(null, "class") != null) {
			return List.of(instantiates("class"));
		}
		if ("constraint".equals(name) && "validator".equals(element.getAttributeValue(null, "name"))) {
			return List.of("uses a custom form field validator, which the engine instantiates or looks up; "
					+ "use a Camunda Form (camunda:formRef) and its validation");
		}
		return List.of();
	}

	private static List<String> camundaAttributeProblems(String attribute, String value) {
		if (CLASS_ATTRIBUTES.contains(attribute)) {
			return List.of(instantiates(attribute));
		}
		if ("type".equals(attribute) && !"external".equals(value)) {
			return List.of("is a '" + value + "' task (camunda:type), which runs programs or sends mail from the "
					+ "engine; " + USE_A_TEMPLATE);
		}
		if ("resource".equals(attribute)) {
			return List.of("loads a script from '" + value + "' (camunda:resource); write an expression instead");
		}
		if ("caseRef".equals(attribute)) {
			return List.of("calls a CMMN case (camunda:caseRef); Touchpoints runs no CMMN: call a BPMN process "
					+ "(calledElement)");
		}
		if ("formKey".equals(attribute) && !CAMUNDA_FORM_KEY.matcher(value).matches()) {
			return List.of("has form key '" + value + "', which would make Tasklist load an embedded HTML form (its "
					+ "JavaScript runs in the user's browser) or send the user to another address; use a Camunda Form "
					+ "from processes/forms (camunda:formRef, or camunda-forms:deployment:<file>.form)");
		}
		return List.of();
	}

	private static String instantiates(String attribute) {
		return "instantiates a Java class by name (camunda:" + attribute + "); " + USE_A_TEMPLATE
				+ ", which names a model bean (camunda:delegateExpression)";
	}

	private static boolean usesActivitiAttributes(XMLStreamReader element) {
		for (int i = 0; i < element.getAttributeCount(); i++) {
			if (ACTIVITI_BPMN_EXTENSIONS_NS.equals(element.getAttributeNamespace(i))) {
				return true;
			}
		}
		return false;
	}

}
