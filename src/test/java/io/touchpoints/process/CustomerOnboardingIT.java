package io.touchpoints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoints.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.Api;
import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;
import io.touchpoints.support.TestUsers;

/** The journey's first steps end to end, through real HTTP, a real SMTP server and Tasklist's engine API. */
@IntegrationTest
class CustomerOnboardingIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Jobs jobs;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	Customers customers;

	@Test
	void welcomesCustomerInTheirLanguageAndPutsKickoffCallBeforeCsm() throws Exception {
		String ref = "ana-" + UUID.randomUUID();
		String integration = users.integration();
		assertThat(api.put(integration, "/api/customers/" + ref,
				Api.customerJson("Ana García", ref + "@example.com", "es")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

		ResponseEntity<JsonNode> purchase = api.post(integration, "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, true));
		assertThat(purchase.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String processInstanceId = customers.onboardingOf(purchase.getBody().get("processInstanceId").asText());
		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		// The kickoff call waits for nobody: it is there while the welcome email still waits for its job.
		assertThat(instance).isStarted().hasBusinessKey(ref).isWaitingAt("ServiceTask_SendWelcomeEmail", "UserTask_KickoffCall");
		assertThat(api.get(integration, "/api/customers/" + ref).getBody().get("stage").asText()).isEqualTo("onboarding");

		jobs.executeAll(processInstanceId);

		MimeMessage welcome = smtp.getReceivedMessagesForDomain(ref + "@example.com")[0];
		assertThat(welcome.getSubject()).isEqualTo("Te damos la bienvenida a Touchpoints, Ana García");
		assertThat(ReceivedMail.part(welcome, "text/plain")).startsWith("Hola Ana García,").contains("plan Pro");
		assertThat(ReceivedMail.part(welcome, "text/html")).contains("<p>Hola Ana García,</p>");
		assertThat(instance).isWaitingAt("UserTask_KickoffCall");

		String taskQuery = "/engine-rest/task?processInstanceId=" + processInstanceId;
		assertThat(api.get(integration, taskQuery).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get(users.support(), taskQuery).getBody()).isEmpty();
		JsonNode tasks = api.get(users.csm(), taskQuery).getBody();
		assertThat(tasks).hasSize(1);
		String taskId = tasks.get(0).get("id").asText();
		assertThat(tasks.get(0).get("name").asText()).isEqualTo("Hold kickoff call");

		JsonNode form = api.get(users.csm(), "/engine-rest/task/" + taskId + "/form-variables").getBody();
		assertThat(form.get("customerName").get("value").asText()).isEqualTo("Ana García");
		assertThat(form.get("plan").get("value").asText()).isEqualTo("pro");
		assertThat(form.get("migrating").get("value").asBoolean()).isTrue();

		assertThat(api.post(integration, "/engine-rest/task/" + taskId + "/complete", "{}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post(users.csm(), "/engine-rest/task/" + taskId + "/claim",
				"{\"userId\":\"" + TestUsers.CSM + "\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(api.put(integration, "/api/customers/" + ref,
				Api.customerJson("Ana García López", ref + "@example.com", "es")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.post(users.csm(), "/engine-rest/task/" + taskId + "/submit-form", """
				{"variables":{"callDate":{"value":"2026-11-30","type":"String"},
				              "notes":{"value":"Wants SSO first","type":"String"},
				              "migrationNeeded":{"value":true,"type":"Boolean"}}}""").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		for (JsonNode milestoneTask : api.get(users.csm(), taskQuery).getBody()) {
			JsonNode milestoneForm = api.get(users.csm(), "/engine-rest/task/" + milestoneTask.get("id").asText()
					+ "/form-variables").getBody();
			assertThat(milestoneForm.get("customerName").get("value").asText())
				.as("a task created after the customer was renamed shows the new name").isEqualTo("Ana García López");
			assertThat(milestoneForm.get("customerLocalTime").get("value").asText())
				.isEqualTo("Mon 23 Nov 2026, 11:00 when this task was created");
			assertThat(milestoneForm.get("taskReason").get("value").asText()).startsWith("Onboarding needs");
		}

		assertThat(instance).isWaitingAt("UserTask_DataMigrated", "UserTask_SetupVerified", "UserTask_TrainingCompleted");
		assertThat(instance).variables()
			.containsEntry("callDate", "2026-11-30")
			.containsEntry("notes", "Wants SSO first")
			.containsEntry("migrationNeeded", true);
	}

	@Test
	void samePurchaseTwiceStartsOneJourney() {
		String ref = "repeat-" + UUID.randomUUID();
		String integration = users.integration();
		api.put(integration, "/api/customers/" + ref, Api.customerJson("Jean Dupont", ref + "@example.com", "fr"));

		ResponseEntity<JsonNode> first = api.post(integration, "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, false));
		ResponseEntity<JsonNode> again = api.post(integration, "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, false));

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("processInstanceId")).isEqualTo(first.getBody().get("processInstanceId"));
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
			.processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING).count()).isEqualTo(1);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
			.processDefinitionKey(ModelNames.CUSTOMER_LIFECYCLE).count()).isEqualTo(1);
	}

}
