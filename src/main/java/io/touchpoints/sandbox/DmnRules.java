package io.touchpoints.sandbox;

import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN11_ALTERNATIVE_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN11_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN12_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN13_ALTERNATIVE_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN13_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN14_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN15_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.FEEL12_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.FEEL13_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.FEEL14_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.FEEL15_NS;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.FEEL_NS;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLStreamReader;

/**
 * What a DMN model may not contain: an expression language other than FEEL, on any element (definitions,
 * decisions, input expressions, input and output entries, literal expressions). JUEL and script languages would
 * evaluate with more reach than FEEL, which cannot call Java (external functions are off in the engine).
 */
final class DmnRules implements ElementRules {

	private static final Set<String> DMN_NAMESPACES = Set.of(DMN11_NS, DMN11_ALTERNATIVE_NS, DMN12_NS, DMN13_NS,
			DMN13_ALTERNATIVE_NS, DMN14_NS, DMN15_NS);

	private static final Set<String> FEEL = Set.of("feel", FEEL_NS, FEEL12_NS, FEEL13_NS, FEEL14_NS, FEEL15_NS);

	@Override
	public String rootProblem(String namespace, String localName) {
		return DMN_NAMESPACES.contains(namespace) && "definitions".equals(localName) ? null
				: "is not a DMN model (its root element is {" + namespace + "}" + localName + ")";
	}

	@Override
	public List<String> problemsOf(XMLStreamReader element) {
		String language = element.getAttributeValue(null, "expressionLanguage");
		if (language == null || FEEL.contains(language) || FEEL.contains(language.toLowerCase(Locale.ROOT))) {
			return List.of();
		}
		return List.of("uses the expression language '" + language + "'; Touchpoints evaluates decisions in FEEL "
				+ "only: remove the expressionLanguage attribute and write the expression in FEEL");
	}

}
