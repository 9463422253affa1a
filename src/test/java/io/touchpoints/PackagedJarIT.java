package io.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.touchpoints.support.Api;
import io.touchpoints.support.ServiceClient;

/**
 * The packaged jar runs from any folder: started in an empty one, it deploys the models and uses the mail templates
 * bundled in it, and links in emails follow its port when no public address is set.
 */
class PackagedJarIT {

	private static final String ADMIN_PASSWORD = "Kettle-Lamp-Window-7";

	@TempDir
	Path workingDirectory;

	private int port;

	private ServiceClient client;

	@Test
	void runsFromAnEmptyFolderWithItsBundledModelsAndTemplates() throws Exception {
		port = freePort();
		client = new ServiceClient(port, "admin", ADMIN_PASSWORD);
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", jar().toString(), "--server.port=" + port, "--spring.mail.port=" + freePort(),
				"--logging.level.root=WARN")
			.directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workingDirectory.resolve("service.log").toFile());
		builder.environment().put("TOUCHPOINTS_ADMIN_PASSWORD", ADMIN_PASSWORD);
		builder.environment().remove("SPRING_PROFILES_ACTIVE");
		Process service = builder.start();
		try {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
				.until(() -> !service.isAlive() || client.healthy());
			assertThat(service.isAlive()).as(Files.readString(workingDirectory.resolve("service.log"))).isTrue();

			assertThat(get("/engine-rest/process-definition?key=customer-lifecycle").body()).contains("customer-lifecycle");
			assertThat(get("/api/templates").body()).contains("welcome");
			client.send("PUT", "/api/customers/anywhere", Api.customerJson("Ana García", "ana@example.com", "es"));
			assertThat(client.send("POST", "/api/customers/anywhere/purchases", Api.purchaseJson("po-anywhere", false)).statusCode())
				.isEqualTo(201);
			assertThat(get("/api/templates/welcome/preview?customer=anywhere").body())
				.contains("http://localhost:" + port + "/email-preferences/");
			assertThat(Files.exists(workingDirectory.resolve("data"))).as("the H2 database where it runs").isTrue();
		}
		finally {
			service.destroy();
			service.waitFor();
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter(file -> file.getFileName().toString().matches("touchpoints-.*\\.jar")).toList();
			assertThat(jars).as("the packaged jar (./mvnw package runs before the integration tests)").hasSize(1);
			return jars.get(0).toAbsolutePath();
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpResponse<String> response = client.send("GET", path, null);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
