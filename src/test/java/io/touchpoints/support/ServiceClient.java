package io.touchpoints.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP with Basic authentication to a service a test started on its own (a context of its own, or the packaged
 * jar), where the shared test context's {@link Api} does not reach.
 */
public final class ServiceClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String authorization;

	public ServiceClient(int port, String user, String password) {
		this.base = "http://localhost:" + port;
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Sends a JSON body (or none when {@code body} is null). */
	public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	/** Whether the service answers its health check yet. */
	public boolean healthy() {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), BodyHandlers.ofString())
				.statusCode() == 200;
		}
		catch (IOException | InterruptedException notYet) {
			return false;
		}
	}

}
