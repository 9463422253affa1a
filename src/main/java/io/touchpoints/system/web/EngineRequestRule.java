package io.touchpoints.system.web;

import java.io.IOException;

/**
 * A rule about requests to the engine's REST API that the engine's own authorization does not express (the
 * engine checks whether someone may claim a task, not for whom). Rules are beans, contributed by the capability
 * whose rule it is; a request must pass every one.
 */
@FunctionalInterface
public interface EngineRequestRule {

	/**
	 * Null when this rule has nothing to say; otherwise why the request is refused, or that the rule carried it out
	 * itself.
	 */
	Answer check(EngineRequest request) throws IOException;

}
