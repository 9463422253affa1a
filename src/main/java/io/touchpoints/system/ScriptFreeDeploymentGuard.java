package io.touchpoints.system;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses any deployment that would run a script: script tasks, script listeners and input/output scripts,
 * script conditions, script-language DMN expressions and CMMN. The engine has no script engine anyway; refusing
 * at deployment turns a latent run-time failure (or a future scripting hole) into a clear error for the modeler.
 */
public class ScriptFreeDeploymentGuard implements Deployer {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (deployment.getResources() == null) {
			return;
		}
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName().toLowerCase(Locale.ROOT);
			if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml")) {
				throw refusal(resource.getName(), List.of(problem("CMMN models are not run by Touchpoints", 0, 0, null)));
			}
			if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
				List<Problem> problems = scriptsIn(resource.getBytes());
				if (!problems.isEmpty()) {
					throw refusal(resource.getName(), problems);
				}
			}
		}
	}

	private static ParseException refusal(String resourceName, List<Problem> problems) {
		String first = problems.get(0).getMessage();
		return new ParseException("Deployment refused: '" + resourceName + "' " + first
				+ (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")
				+ ". Touchpoints runs no scripts: use a service task with a delegate from an element template.",
				resourceName, problems, List.of());
	}

	static List<Problem> scriptsIn(byte[] xml) {
		List<Problem> problems = new ArrayList<>();
		try {
			XMLStreamReader reader = safeFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT) {
					String reason = scriptReason(reader);
					if (reason != null) {
						int line = reader.getLocation().getLineNumber();
						int column = reader.getLocation().getColumnNumber();
						problems.add(problem(reason + " at line " + line, line, column, reader.getAttributeValue(null, "id")));
					}
				}
			}
		}
		catch (XMLStreamException e) {
			// Malformed XML is reported by the engine's own parser with better detail.
		}
		return problems;
	}

	private static String scriptReason(XMLStreamReader element) {
		String localName = element.getLocalName();
		if ("scriptTask".equals(localName)) {
			return "contains a script task";
		}
		if ("script".equals(localName) && CAMUNDA_NS.equals(element.getNamespaceURI())) {
			return "contains a script (listener or input/output mapping)";
		}
		String language = element.getAttributeValue(null, "language");
		if (language != null && !language.isBlank()) {
			return "contains a script expression in language '" + language + "'";
		}
		String expressionLanguage = element.getAttributeValue(null, "expressionLanguage");
		// BPMN's own expressionLanguage attribute is informational; in DMN it selects the evaluating engine.
		if (expressionLanguage != null && !BPMN_NS.equals(element.getNamespaceURI()) && !isFeelOrJuel(expressionLanguage)) {
			return "uses the script expression language '" + expressionLanguage + "'";
		}
		return null;
	}

	private static boolean isFeelOrJuel(String language) {
		String lower = language.toLowerCase(Locale.ROOT);
		return lower.contains("feel") || lower.equals("juel");
	}

	private static XMLInputFactory safeFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

	private static Problem problem(String message, int line, int column, String elementId) {
		return new Problem() {
			@Override
			public String getMessage() {
				return message;
			}

			@Override
			public int getLine() {
				return line;
			}

			@Override
			public int getColumn() {
				return column;
			}

			@Override
			public String getMainElementId() {
				return elementId;
			}

			@Override
			public List<String> getElementIds() {
				return elementId == null ? List.of() : List.of(elementId);
			}
		};
	}

}
