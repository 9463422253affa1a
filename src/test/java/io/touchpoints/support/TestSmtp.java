package io.touchpoints.support;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * Where the in-process SMTP server listens: {@code -Dtest.smtp.port} (default 3025), the port the test
 * configuration points the service at, so two checkouts can run their suites side by side.
 */
public final class TestSmtp {

	public static final ServerSetup SETUP = new ServerSetup(Integer.getInteger("test.smtp.port", 3025), "127.0.0.1",
			ServerSetup.PROTOCOL_SMTP);

	private TestSmtp() {
	}

}
