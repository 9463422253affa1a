package io.touchpoints.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.touchpoints.sandbox.ModelAttempts.Outcome;
import io.touchpoints.support.Api;
import io.touchpoints.support.EngineTime;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestUsers;
import io.touchpoints.system.Authorizations;
import io.touchpoints.system.Groups;

/**
 * Issue 8's attacks in every attribute the engine evaluates as an expression, deployed as cx-ops from Camunda
 * Modeler's endpoint: each one is refused at deployment or fails where it is evaluated, with a message saying why;
 * no secret comes back, no file is written, no program runs, nobody becomes an administrator.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ExpressionSandboxIT {

	static final String SECRET = "secret-" + UUID.randomUUID();

	@TempDir
	Path markers;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Jobs jobs;

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identityService;

	@Autowired
	FilterService filterService;

	@Autowired
	TaskService taskService;

	@Autowired
	Authorizations authorizations;

	ModelAttempts attempts;

	@BeforeAll
	void storeSecretAndDeployCallee() {
		System.setProperty(Payload.SECRET_PROPERTY, SECRET);
		attempts = new ModelAttempts(api, users, jobs, engine);
		users.ensure(Payload.OPS_USER, Groups.CX_OPS);
		attempts.deploy(users.cxOps(), AttributeKind.CALLEE + ".bpmn", Bpmn.convertToString(Bpmn
			.createExecutableProcess(AttributeKind.CALLEE).camundaHistoryTimeToLive(1).startEvent().endEvent().done()));
	}

	@AfterAll
	void removeSecretAndModels() {
		System.clearProperty(Payload.SECRET_PROPERTY);
		attempts.removeAll();
	}

	static Stream<Arguments> everyAttackInEveryAttributeKind() {
		return Arrays.stream(AttributeKind.values())
			.flatMap(kind -> Arrays.stream(Payload.values()).map(payload -> Arguments.of(kind, payload)));
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("everyAttackInEveryAttributeKind")
	void refusesTheAttackWhereverTheEngineEvaluatesIt(AttributeKind kind, Payload payload) {
		Path marker = markers.resolve(kind + "-" + payload);

		Outcome outcome = attempts.attempt(kind.processKey(), kind.processKey() + ".bpmn", kind.model(payload.expression(marker)));

		assertThat(outcome.failed()).as("the attack failed: %s", outcome).isTrue();
		assertThat(outcome.everything()).contains(payload == Payload.GRANTS_ADMIN ? "execution" : "getClass() cannot be called")
			.contains("What an expression may use")
			.doesNotContain(SECRET);
		if (!outcome.deployed()) {
			assertThat(outcome.deployStatus()).isEqualTo(400);
		}
		assertThat(marker).doesNotExist();
		assertThat(identityService.createUserQuery().userId(Payload.OPS_USER).memberOfGroup(Groups.ADMIN).count()).isZero();
	}

	@Test
	void aModelMayUseVariablesTheViewsTheFunctionsAndOperators() {
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("uses-what-is-allowed").camundaHistoryTimeToLive(1)
			.startEvent().camundaExecutionListenerExpression("start", "${execution.setVariable('starter', authenticatedUserId)}")
			.serviceTask().camundaExpression("${execution.setVariable('key', execution.processBusinessKey)}")
			.serviceTask().camundaExpression("${count * 2 + 1}").camundaResultVariable("doubled")
			.manualTask().camundaOutputParameter("who", "${currentUser()}")
			.camundaOutputParameter("firstGroup", "${currentUserGroups()[0]}")
			.camundaOutputParameter("startedAt", "${now()}")
			.exclusiveGateway("Gateway").condition("Large", "${doubled > 5 and execution.getVariable('missing') == null}")
			.userTask().name("Review").camundaTaskListenerExpression("create", "${task.setVariable('taskName', task.name)}")
			.endEvent().moveToNode("Gateway").endEvent().done());
		attempts.deploy(users.cxOps(), "uses-what-is-allowed.bpmn", model);

		String started = attempts.start("uses-what-is-allowed", """
				{"businessKey":"acme","variables":{"count":{"value":3}}}""").getBody();

		assertThat(engine.getRuntimeService().getVariables(ModelAttempts.idOf(started)))
			.containsEntry("starter", users.administrator())
			.containsEntry("key", "acme")
			.containsEntry("doubled", 7L)
			.containsEntry("who", users.administrator())
			.containsEntry("firstGroup", Groups.ADMIN)
			.containsEntry("startedAt", Date.from(EngineTime.MONDAY_MORNING))
			.containsEntry("taskName", "Review");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"${execution.setVariable('copy', execution)}|variable 'copy' may hold text, a number, true/false, a date or null, not a io.touchpoints.sandbox.ExecutionView",
			"${sendEmailDelegate.getClass()}|getClass() cannot be called on model bean SendEmailDelegate; it offers execute()",
			"${execution.processEngineServices}|'processEngineServices' cannot be read from execution",
			"${currentUserGroups().add('camunda-admin')}|add() cannot be called on a value of type java.util." })
	void aModelIsToldWhatItReachedForAndWhatItMayUse(String expression, String explanation) {
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("reaches-too-far").camundaHistoryTimeToLive(1)
			.startEvent().serviceTask().camundaExpression(expression).endEvent().done());

		Outcome outcome = attempts.attempt("reaches-too-far", "reaches-too-far.bpmn", model);

		assertThat(outcome.startStatus()).isEqualTo(400);
		assertThat(outcome.startAnswer()).contains("refused: " + explanation).contains("What an expression may use");
	}

	@Test
	void storedTasklistFiltersAreSandboxedToo() {
		Path marker = markers.resolve("filter-ran");
		Filter attack = filterService.saveFilter(filterService.newTaskFilter("sandbox attack")
			.setQuery(taskService.createTaskQuery().taskAssigneeExpression(Payload.RUNS_PROGRAM.expression(marker))));
		authorizations.grant(Groups.CSM, Resources.FILTER, attack.getId(), Permissions.READ);
		try {
			ResponseEntity<JsonNode> refused = api.get(users.csm(), "/engine-rest/filter/" + attack.getId() + "/list");
			String shared = filterService.createFilterQuery().filterName("My tasks").singleResult().getId();

			assertThat(refused.getStatusCode().isError()).isTrue();
			assertThat(refused.getBody().path("message").asText()).startsWith("Unable to resolve expression");
			assertThat(marker).doesNotExist();
			assertThat(api.get(users.csm(), "/engine-rest/filter/" + shared + "/list").getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		finally {
			filterService.deleteFilter(attack.getId());
		}
	}

}
