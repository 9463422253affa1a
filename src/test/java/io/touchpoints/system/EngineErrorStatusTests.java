package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Engine failures that are the client's get a client status; the server's stay 500. */
class EngineErrorStatusTests {

	@Test
	void aTaskSomeoneElseClaimedIsAConflict() {
		assertThat(EngineErrorStatus.of(new TaskAlreadyClaimedException("t1", "someone"))).isEqualTo(409);
	}

	@Test
	void aConcurrentChangeIsAConflict() {
		assertThat(EngineErrorStatus.of(new OptimisticLockingException("Entity was updated by another transaction")))
			.isEqualTo(409);
		assertThat(EngineErrorStatus.of(new RestException(Status.INTERNAL_SERVER_ERROR,
				new OptimisticLockingException("updated concurrently"), "Cannot complete task"))).isEqualTo(409);
	}

	@Test
	void anIdThatNamesNothingIsNotFound() {
		assertThat(EngineErrorStatus.of(new NullValueException("Cannot find task with id nope: task is null")))
			.isEqualTo(404);
		assertThat(EngineErrorStatus.of(new NotFoundException("No deployment found"))).isEqualTo(404);
	}

	@Test
	void badInputIsABadRequest() {
		assertThat(EngineErrorStatus.of(new NullValueException("userId is null"))).isEqualTo(400);
		assertThat(EngineErrorStatus.of(new BadUserRequestException("Invalid variable type"))).isEqualTo(400);
		assertThat(EngineErrorStatus.of(new FormFieldValidatorException("f", "callDate", "x", "required", "required")))
			.isEqualTo(400);
		assertThat(EngineErrorStatus.of(new JsonParseException(null, "Unexpected end-of-input"))).isEqualTo(400);
	}

	@Test
	void aPasswordThatBreaksThePolicyIsABadRequest() {
		assertThat(EngineErrorStatus.of(new PasswordPolicyException(List.of()))).isEqualTo(400);
	}

	@Test
	void aModelTheEngineCannotUseIsABadRequest() {
		assertThat(EngineErrorStatus.of(new ProcessEngineException("ENGINE-22004 Unable to transform DMN resource 'a.dmn'.",
				new DmnTransformException("DMN-02016 Error while transforming", new NotValidException("TTL cannot be null")))))
			.isEqualTo(400);
		assertThat(EngineErrorStatus.of(new ProcessEngineException(
				"ENGINE-09027 Exception while resolving duedate 'soon': Invalid format: \"soon\"",
				new IllegalArgumentException("Invalid format: \"soon\"")))).isEqualTo(400);
		assertThat(EngineErrorStatus.of(new ProcessEngineException(
				"ENGINE-09026 Exception while parsing cycle expression '0 0 25 * * ?': Value 25 not in range"))).isEqualTo(400);
	}

	@Test
	void deletingATaskThatARunningProcessWaitsOnIsAConflict() {
		assertThat(EngineErrorStatus.of(new ProcessEngineException(
				"The task cannot be deleted because is part of a running process"))).isEqualTo(409);
	}

	@Test
	void aMemberTheRequestLeftOutIsABadRequestOnlyWhereCamundasRequestDtosReadIt() {
		assertThat(EngineErrorStatus.of(nullPointerIn("org.camunda.bpm.engine.rest.dto.migration.MigrationPlanDto")))
			.isEqualTo(400);
		assertThat(EngineErrorStatus.of(nullPointerIn("org.camunda.bpm.engine.impl.cmd.SomeCmd"))).isEqualTo(500);
		assertThat(EngineErrorStatus.of(nullPointerIn("io.touchpoints.task.TaskForms"))).isEqualTo(500);
	}

	@Test
	void whatTheRestResourcesClassifiedKeepsItsStatus() {
		assertThat(EngineErrorStatus.of(new InvalidRequestException(Status.NOT_FOUND, "No matching task"))).isEqualTo(404);
		assertThat(EngineErrorStatus.of(new NotAllowedException("GET"))).isEqualTo(405);
		assertThat(EngineErrorStatus.of(new AuthorizationException("no"))).isEqualTo(403);
	}

	private static NullPointerException nullPointerIn(String className) {
		NullPointerException failure = new NullPointerException("Cannot invoke \"Object.toString()\" because \"x\" is null");
		failure.setStackTrace(new StackTraceElement[] { new StackTraceElement(className, "apply", null, 1) });
		return failure;
	}

	@Test
	void failuresOfTheServerStayServerErrors() {
		assertThat(EngineErrorStatus.of(new ProcessEngineException("Unknown property used in expression"))).isEqualTo(500);
		assertThat(EngineErrorStatus.of(new ProcessEnginePersistenceException("duplicate key", null))).isEqualTo(500);
		assertThat(EngineErrorStatus.of(new IllegalStateException("bug"))).isEqualTo(500);
	}

}
