package io.touchpoints.sandbox;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What {@code execution} and {@code task} offer an expression besides identifying values: reading and writing
 * variables. Writes take plain values only ({@link PlainValues}), so an expression cannot store an object.
 */
abstract class VariableView {

	private final VariableScope scope;

	VariableView(VariableScope scope) {
		this.scope = scope;
	}

	public Object getVariable(String name) {
		return scope.getVariable(name);
	}

	public Object getVariableLocal(String name) {
		return scope.getVariableLocal(name);
	}

	public boolean hasVariable(String name) {
		return scope.hasVariable(name);
	}

	public boolean hasVariableLocal(String name) {
		return scope.hasVariableLocal(name);
	}

	public void setVariable(String name, Object value) {
		scope.setVariable(name, PlainValues.require(name, value));
	}

	public void setVariableLocal(String name, Object value) {
		scope.setVariableLocal(name, PlainValues.require(name, value));
	}

}
