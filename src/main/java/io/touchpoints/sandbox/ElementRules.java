package io.touchpoints.sandbox;

import java.util.List;

import javax.xml.stream.XMLStreamReader;

/** The rules of one model language, applied element by element while a model's XML is read. */
interface ElementRules {

	/** Why a document with this root element is not a model of this language, or null. */
	String rootProblem(String namespace, String localName);

	/** Why the element the reader stands on is refused; empty when it is fine. */
	List<String> problemsOf(XMLStreamReader element);

}
