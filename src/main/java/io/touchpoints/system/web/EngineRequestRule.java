package io.touchpoints.system.web;

import java.io.IOException;

/**
 * A rule about requests to the engine's REST API that the engine's own authorization does not express (the
 * engine checks whether someone may claim a task, not for whom). Rules are beans, contributed by the capability
 * whose rule it is; a request must pass every one.
 */
@FunctionalInterface
public interface EngineRequestRule {

	/** Why the request is refused, or null when this rule has nothing against it. */
	Refusal check(EngineRequest request) throws IOException;

}
