package io.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.TestCustomers;

/**
 * Whole start-ups of the service on the embedded default (an H2 file), each its own engine: data survives a
 * restart without new deployments, and a broken model or mail template stops start-up naming the file.
 */
class StartupIT {

	@TempDir
	Path dataDir;

	@Test
	void secondStartKeepsCustomersAndDeploysNothingNew() {
		try (ConfigurableApplicationContext first = start(Path.of("processes"))) {
			TestCustomers.create(first.getBean(CustomerRegistry.class), "restart-1", "Ana García", BigDecimal.TEN);
		}

		try (ConfigurableApplicationContext second = start(Path.of("processes"))) {
			assertThat(second.getBean(CustomerRegistry.class).find("restart-1")).get()
				.extracting(customer -> customer.getName())
				.isEqualTo("Ana García");
			RepositoryService repository = second.getBean(RepositoryService.class);
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
			assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("customer-onboarding").count())
				.isEqualTo(1);
		}
	}

	@Test
	void aConnectionPoolTooSmallForTheJobExecutorStopsStartUpNamingTheSettings() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(TouchpointsApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db").toAbsolutePath(),
				"--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.max-pool-size=10",
				"--spring.datasource.hikari.maximum-pool-size=10").close())
			.satisfies(failure -> assertThat(messagesOf(failure)).anyMatch(message -> message.contains(
					"The main connection pool holds 10 connections; it needs at least 17")
					&& message.contains("spring.datasource.hikari.maximum-pool-size")));
	}

	@Test
	void modelThatDoesNotParseStopsStartUpNamingTheFile() throws IOException {
		Path models = Files.createDirectories(dataDir.resolve("models"));
		Files.writeString(models.resolve("half-written.bpmn"), "<bpmn:definitions xmlns:bpmn=\"oops\"><bpmn:process");

		assertThatThrownBy(() -> start(models).close()).satisfies(failure -> assertThat(messagesOf(failure))
			.anyMatch(message -> message.contains("half-written.bpmn") && message.contains("line 1")));
	}

	@Test
	void templateNamingAnUnknownVariableStopsStartUpNamingTheFile() throws IOException {
		Path templates = dataDir.resolve("templates");
		Path welcome = Files.createDirectories(templates.resolve("mail/welcome"));
		Files.writeString(welcome.resolve("en.html"), "<html><head><meta name=\"category\" content=\"service\">"
				+ "<title>Hello {{customer.nmae}}</title></head></html>");
		Files.writeString(welcome.resolve("en.txt"), "Hello");
		Path reasons = Files.createDirectories(templates.resolve("cancellation-reasons"));
		Files.copy(Path.of("templates", "cancellation-reasons", "en.properties"), reasons.resolve("en.properties"));

		assertThatThrownBy(() -> start(Path.of("processes"), "--touchpoints.templates-dir=" + templates).close())
			.satisfies(failure -> assertThat(messagesOf(failure))
				.anyMatch(message -> message.contains("welcome/en.html") && message.contains("{{customer.nmae}}")));
	}

	private static List<String> messagesOf(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(String.valueOf(cause.getMessage()));
		}
		return messages;
	}

	private ConfigurableApplicationContext start(Path processesDir, String... moreArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db").toAbsolutePath(),
				"--camunda.bpm.process-engine-name=startup-test", "--camunda.bpm.job-execution.enabled=false",
				"--touchpoints.processes-dir=" + processesDir));
		arguments.addAll(List.of(moreArguments));
		return new SpringApplicationBuilder(TouchpointsApplication.class).run(arguments.toArray(String[]::new));
	}

}
