package io.touchpoints.sandbox;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine's script engines: none, for BPMN and DMN alike. Deployment refuses scripts already; this makes sure
 * one that slipped through (or a stored deployment from before) cannot run, and that no plugin can add an engine.
 */
class NoScriptEngines implements ScriptEngineResolver {

	@Override
	public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
		return null;
	}

	@Override
	public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
		throw refusal();
	}

	@Override
	public ScriptEngineManager getScriptEngineManager() {
		throw refusal();
	}

	private static UnsupportedOperationException refusal() {
		return new UnsupportedOperationException("Touchpoints runs no scripts: no script engine can be added");
	}

}
