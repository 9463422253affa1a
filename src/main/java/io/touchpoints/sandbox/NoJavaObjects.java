package io.touchpoints.sandbox;

import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;

/**
 * Deserialization type validation that allows no class. Engine REST creates the object a request names
 * ({@code POST .../variables/{name}/data} with a {@code type} part) only if the validator allows its class; the
 * engine's default allows {@code java.lang.*} and common collections. Touchpoints keeps no Java object in a variable.
 */
class NoJavaObjects implements DeserializationTypeValidator {

	@Override
	public boolean validate(String className) {
		return false;
	}

}
