package io.touchpoints.sandbox;

import org.camunda.bpm.engine.impl.variable.ValueTypeResolverImpl;
import org.camunda.bpm.engine.variable.type.ValueType;

/**
 * The variable types a client may name (engine REST, the webapps): all but {@code Object}. A serialized Java object
 * (or any object format) in a request is then a bad request, 400 "Unsupported value type 'Object'", before the
 * engine sees it. Variables hold text, numbers, booleans, dates, bytes and files.
 */
class PlainValueTypes extends ValueTypeResolverImpl {

	PlainValueTypes() {
		knownTypes.remove(ValueType.OBJECT.getName());
	}

}
