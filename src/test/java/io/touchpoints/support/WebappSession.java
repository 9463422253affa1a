package io.touchpoints.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A person logged into the Camunda webapps over real HTTP, as their browser would be: the session cookie and the
 * webapps' CSRF token travel with every request.
 */
public final class WebappSession {

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	private final String clientAddress;

	private String csrfToken;

	private WebappSession(int port, String clientAddress) {
		this.base = "http://localhost:" + port;
		this.clientAddress = clientAddress;
	}

	/** Logs {@code user} into Tasklist; the answer's status tells whether the login succeeded (200) or not. */
	public static WebappSession login(int port, String user, String password) throws IOException, InterruptedException {
		WebappSession session = new WebappSession(port, null);
		HttpResponse<String> login = session.loginAs(user, password);
		if (login.statusCode() != 200) {
			throw new IllegalStateException("Login of " + user + " answered " + login.statusCode());
		}
		// A login starts a new session without a CSRF token; the webapps' script fetches one next, as here.
		session.get("/camunda/api/admin/auth/user/default");
		return session;
	}

	/** A browser that has opened the webapps but not logged in. */
	public static WebappSession anonymous(int port) throws IOException, InterruptedException {
		return anonymous(port, null);
	}

	/** The same, from another address (a proxy's X-Forwarded-For, which the tests' server trusts from loopback). */
	public static WebappSession anonymous(int port, String clientAddress) throws IOException, InterruptedException {
		WebappSession session = new WebappSession(port, clientAddress);
		session.get("/camunda/api/admin/auth/user/default");
		return session;
	}

	public HttpResponse<String> loginAs(String user, String password) throws IOException, InterruptedException {
		if (csrfToken == null) {
			get("/camunda/api/admin/auth/user/default");
		}
		return post("/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
				"username=" + encode(user) + "&password=" + encode(password));
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public HttpResponse<String> post(String path, String contentType, String body)
			throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		if (csrfToken != null) {
			request.header("X-XSRF-TOKEN", csrfToken);
		}
		if (clientAddress != null) {
			request.header("X-Forwarded-For", clientAddress);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
