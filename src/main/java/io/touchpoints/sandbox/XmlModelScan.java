package io.touchpoints.sandbox;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a model's XML once, without DTDs or external entities, applying {@link ElementRules} to every element.
 * A document that does not parse is refused here too: rules that were not applied must not let it through.
 */
final class XmlModelScan {

	static final String CMMN_NAMESPACES = "http://www.omg.org/spec/CMMN/";

	/**
	 * Far above any journey a person draws (the largest here has about 600 elements, diagram included), far below
	 * what ties up the engine: a review deployed 100,000 tasks in 9 MB, under the request size limit.
	 */
	static final int MAX_ELEMENTS = 20_000;

	static final int MAX_DEPTH = 100;

	private XmlModelScan() {
	}

	static List<ModelProblem> scan(byte[] xml, ElementRules rules) {
		List<ModelProblem> problems = new ArrayList<>();
		Deque<String> ids = new ArrayDeque<>();
		try {
			XMLStreamReader reader = safeFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
			boolean root = true;
			int elements = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					if (++elements > MAX_ELEMENTS || ids.size() >= MAX_DEPTH) {
						problems.add(new ModelProblem(tooLarge(elements), reader.getLocation().getLineNumber(),
								reader.getLocation().getColumnNumber(), null));
						return problems;
					}
					String id = reader.getAttributeValue(null, "id");
					ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
					List<String> reasons = new ArrayList<>();
					if (root) {
						Optional.ofNullable(rules.rootProblem(reader.getNamespaceURI(), reader.getLocalName())).ifPresent(reasons::add);
						root = false;
					}
					reasons.addAll(rules.problemsOf(reader));
					for (String reason : reasons) {
						problems.add(new ModelProblem(reason, reader.getLocation().getLineNumber(),
								reader.getLocation().getColumnNumber(), ids.peek().isEmpty() ? null : ids.peek()));
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					ids.pop();
				}
			}
		}
		catch (XMLStreamException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
			problems.add(new ModelProblem("is not well-formed XML: " + e.getMessage(), line, 0, null));
		}
		return problems;
	}

	private static String tooLarge(int elements) {
		return elements > MAX_ELEMENTS
				? "has more than " + MAX_ELEMENTS + " XML elements; a journey that large belongs in several models "
						+ "linked by call activities"
				: "nests XML elements more than " + MAX_DEPTH + " deep; draw the subprocesses side by side or call them";
	}

	/** Whether the content is a CMMN model, whatever the resource is called. */
	static boolean isCmmn(byte[] content) {
		try {
			XMLStreamReader reader = safeFactory().createXMLStreamReader(new ByteArrayInputStream(content));
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT) {
					String namespace = reader.getNamespaceURI();
					return namespace != null && namespace.startsWith(CMMN_NAMESPACES);
				}
			}
			return false;
		}
		catch (XMLStreamException e) {
			return false;
		}
	}

	private static XMLInputFactory safeFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

}
