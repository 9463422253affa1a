package io.touchpoints.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.touchpoints.TouchpointsApplication;

/**
 * The real service, started in this JVM on a random port: H2 file database in a fresh temporary directory, job
 * executor and escalation sweep off, send window always open, an in-process SMTP server (GreenMail) for the
 * welcome emails, and an account of group {@code integration} to call the API with HTTP Basic.
 */
public final class BenchService implements AutoCloseable {

	/** User ids are letters and digits only (the engine's default resource whitelist). */
	static final String USER = "benchintegration";

	private static final String PASSWORD = "Bench-Password-9!";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path directory;

	private final GreenMail smtp;

	private final ConfigurableApplicationContext context;

	private final URI base;

	private final String authorization;

	private final ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build());

	/** An HTTP answer: status and parsed JSON body (null when empty). */
	public record Response(int status, JsonNode body, String raw) {
	}

	public BenchService() throws IOException {
		directory = Files.createTempDirectory("touchpoints-bench-");
		int smtpPort = freePort();
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		context = new SpringApplicationBuilder(TouchpointsApplication.class).run(
				"--server.port=0",
				// The default URL's durability (WRITE_DELAY=0); -Dbench.h2.options= measures H2's own default (commits flushed later).
				"--spring.datasource.url=" + System.getProperty("bench.db.url", "jdbc:h2:file:" + directory.resolve("touchpoints")
						+ ";DB_CLOSE_ON_EXIT=FALSE" + System.getProperty("bench.h2.options", ";WRITE_DELAY=0")),
				// -Dbench.db.url=jdbc:postgresql://… runs on PostgreSQL, as the postgres user (trust authentication).
				"--spring.datasource.username=" + (System.getProperty("bench.db.url") == null ? "sa" : "postgres"),
				"--spring.datasource.password=",
				"--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort,
				"--camunda.bpm.job-execution.enabled=false",
				"--touchpoints.tasks.escalation-sweep-interval=PT0S",
				// Folded once, timed, after the ingestion legs: a scheduled run would land in whichever leg it hits.
				"--touchpoints.usage.compaction-interval=PT0S",
				"--touchpoints.mail.send-window-start=00:00",
				"--touchpoints.mail.send-window-end=00:00",
				"--touchpoints.admin.password=Kettle-Bench-Window-7",
				"--spring.main.banner-mode=off",
				"--logging.level.root=WARN",
				"--logging.level.org.camunda.bpm.engine.context=OFF",
				"--logging.level.org.camunda.bpm.engine.jobexecutor=OFF",
				// A request that fails is counted and reported by the benchmark; no stack trace per failure.
				"--logging.level.org.apache.catalina.core=OFF");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		base = URI.create("http://127.0.0.1:" + port);
		IdentityService identity = bean(IdentityService.class);
		User user = identity.newUser(USER);
		user.setFirstName("Benchmark");
		user.setLastName("Integration");
		user.setPassword(PASSWORD);
		identity.saveUser(user);
		identity.createMembership(USER, "integration");
		authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * What PostgreSQL's autovacuum does after a bulk load (this machine runs PostgreSQL with it off): without fresh
	 * statistics the planner reads freshly loaded tables as empty (the survey figures over 100,000 fresh answers took
	 * 1.5 s in a nested loop instead of 0.16 s in a hash join). Nothing on H2, which keeps its statistics itself.
	 */
	public void analyzeAsAutovacuumWould() {
		if (System.getProperty("bench.db.url") != null) {
			new JdbcTemplate(dataSource()).execute("analyze");
		}
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public DataSource dataSource() {
		return bean(DataSource.class);
	}

	Path databaseDirectory() {
		return directory;
	}

	int emailsReceived() {
		return smtp.getReceivedMessages().length;
	}

	public Response send(String method, String path, byte[] body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofMinutes(2))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<byte[]> response = clients.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
		String raw = new String(response.body(), StandardCharsets.UTF_8);
		return new Response(response.statusCode(), raw.isEmpty() ? null : JSON.readTree(raw), raw);
	}

	public Response send(String method, String path, String body) throws IOException, InterruptedException {
		return send(method, path, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Where the service listens, for clients of its own (a browser's cookies, say). */
	public URI base() {
		return base;
	}

	@Override
	public void close() throws IOException {
		context.close();
		smtp.stop();
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
