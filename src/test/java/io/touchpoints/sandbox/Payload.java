package io.touchpoints.sandbox;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The attacks of issue 8 as expressions: read a secret, write a file and run a program through reflection, and
 * make a user an administrator through the engine's services. {@code SandboxedExpressionManagerTests} shows the
 * reflection ones work against the engine's stock bean resolver, so a test that finds them harmless proves the
 * sandbox; the last one is the engine's documented API on its own execution.
 */
enum Payload {

	READS_SECRET(marker -> "${''.getClass().forName('java.lang.System').getMethod('getProperty', ''.getClass())"
			+ ".invoke(null, '" + Payload.SECRET_PROPERTY + "')}"),

	WRITES_FILE(marker -> "${''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + marker
			+ "').createNewFile()}"),

	RUNS_PROGRAM(marker -> "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
			+ ".exec('touch " + marker + "').waitFor()}"),

	GRANTS_ADMIN(marker -> "${execution.getProcessEngineServices().getIdentityService().createMembership('"
			+ Payload.OPS_USER + "', 'camunda-admin')}");

	/** A system property of the service's JVM that holds a secret; no answer may ever contain its value. */
	static final String SECRET_PROPERTY = "touchpoints.sandbox.secret";

	/** The cx-ops user the engine-services attack tries to make an administrator. */
	static final String OPS_USER = "sandboxops";

	private final Function<Path, String> expression;

	Payload(Function<Path, String> expression) {
		this.expression = expression;
	}

	/** The expression; {@code marker} is the file the file and program attacks would create. */
	String expression(Path marker) {
		return expression.apply(marker);
	}

}
