package io.touchpoints.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.touchpoints.TouchpointsApplication;
import io.touchpoints.support.Api;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.ServiceClient;
import io.touchpoints.support.TestSmtp;
import io.touchpoints.support.TestUsers;
import io.touchpoints.system.Groups;

/**
 * Issue 8, section 3: 40 purchases during an SMTP outage, then SMTP back, on the smallest pools the connection
 * budget admits (10 job threads, 17 main connections, a single nested one) and the job executor running for real.
 * Every welcome email arrives once, no job fails for want of a connection, and the API stays fast while the
 * backlog drains.
 */
@ExtendWith(EngineTime.class)
class SmtpOutageBacklogIT {

	private static final int PURCHASES = 40;

	private static final String USER = "outageintegration";

	private final GreenMail smtp = new GreenMail(new ServerSetup(TestSmtp.SETUP.getPort() + 100, "127.0.0.1", "smtp"));

	private ServiceClient client;

	@Test
	void backlogAfterAnOutageDrainsOnceEachWithoutStarvingAnyone() throws Exception {
		try (ConfigurableApplicationContext service = start()) {
			client = new ServiceClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")), USER,
					TestUsers.PASSWORD);
			createIntegrationUser(service.getBean(IdentityService.class));
			HistoryService history = service.getBean(HistoryService.class);
			List<String> refs = new ArrayList<>();
			for (int i = 0; i < PURCHASES; i++) {
				String ref = "outage-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
				send("PUT", "/api/customers/" + ref, Api.customerJson("Customer " + i, ref + "@example.com", "en"));
				send("POST", "/api/customers/" + ref + "/purchases", Api.purchaseJson("po-" + ref, false));
				refs.add(ref);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> failedSends(history) >= PURCHASES);

			smtp.start();
			try {
				EngineTime.advance(Duration.ofMinutes(2));
				AtomicLong slowest = new AtomicLong();
				await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
					slowest.accumulateAndGet(timedRead(refs.get((int) (System.nanoTime() % PURCHASES))), Math::max);
					return welcomes().size() >= PURCHASES;
				});

				Map<String, Long> byMessageId = welcomes().stream()
					.collect(Collectors.groupingBy(SmtpOutageBacklogIT::messageId, Collectors.counting()));
				assertThat(byMessageId).hasSize(PURCHASES).allSatisfy((id, copies) -> assertThat(copies).as(id).isOne());
				for (String ref : refs) {
					assertThat(welcomes()).as(ref).filteredOn(email -> recipient(email).equals(ref + "@example.com")).hasSize(1);
				}
				assertThat(failureMessages(history)).as("jobs failed for want of a connection")
					.noneMatch(message -> message.contains("JDBC Connection") || message.contains("Connection is not available"));
				assertThat(slowest.get()).as("slowest API read during the drain, ms").isLessThan(1000);
			}
			finally {
				smtp.stop();
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TouchpointsApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--camunda.bpm.process-engine-name=outagetest", "--camunda.bpm.job-execution.enabled=true",
				"--camunda.bpm.job-execution.core-pool-size=10", "--camunda.bpm.job-execution.max-pool-size=10",
				"--camunda.bpm.job-execution.max-wait=500", "--camunda.bpm.job-execution.wait-time-in-millis=100",
				"--spring.datasource.hikari.maximum-pool-size=17", "--spring.datasource.hikari.connection-timeout=2000",
				"--touchpoints.database.nested-pool.maximum-pool-size=1",
				"--touchpoints.database.nested-pool.connection-timeout=2000",
				"--spring.mail.port=" + smtp.getSmtp().getServerSetup().getPort(),
				"--spring.mail.properties.mail.smtp.connectiontimeout=1000");
	}

	private void createIntegrationUser(IdentityService identity) {
		User user = identity.newUser(USER);
		user.setFirstName("Outage");
		user.setLastName("Integration");
		user.setPassword(TestUsers.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(USER, Groups.INTEGRATION);
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpResponse<String> response = client.send(method, path, body);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
		return response;
	}

	private long timedRead(String ref) throws Exception {
		long start = System.nanoTime();
		send("GET", "/api/customers/" + ref, null);
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	private static String recipient(MimeMessage email) {
		try {
			return email.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new AssertionError("Unreadable recipient", e);
		}
	}

	/** The welcome emails (the first 90 days' check-in invitations go out during the drain too). */
	private List<MimeMessage> welcomes() {
		return List.of(smtp.getReceivedMessages()).stream()
			.filter(email -> ReceivedMail.subject(email).startsWith("Welcome to Touchpoints"))
			.toList();
	}

	private static long failedSends(HistoryService history) {
		return history.createHistoricJobLogQuery().failureLog().activityIdIn("ServiceTask_SendWelcomeEmail").count();
	}

	private static List<String> failureMessages(HistoryService history) {
		return history.createHistoricJobLogQuery().failureLog().list().stream()
			.map(log -> String.valueOf(log.getJobExceptionMessage()))
			.toList();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
