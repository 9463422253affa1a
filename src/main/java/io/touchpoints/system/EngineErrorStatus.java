package io.touchpoints.system;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.DeploymentResourceNotFoundException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;

/**
 * The HTTP status of an engine API failure. Camunda answers 500 for many failures that are the client's: a task
 * someone else claimed, a concurrent change, an id that names nothing, a form value that fails its constraint, a
 * model it cannot use, a request body without a member its resource needs. Here those are client statuses; what the
 * engine's REST resources already classify keeps its status, and failures of the server stay 500. Exception types
 * decide wherever the engine has one; the patterns below are the few refusals it signals by message alone.
 */
final class EngineErrorStatus {

	private static final Pattern NOT_FOUND = Pattern
		.compile("(?i).*(cannot find|can't find|not found|does not exist|doesn't exist|no \\S+( \\S+)? found|no deployed).*",
				Pattern.DOTALL);

	/** A timer value the engine cannot read, from a model or the input an expression used (EngineUtilLogger). */
	private static final Pattern UNREADABLE_TIMER_VALUE = Pattern.compile("ENGINE-0902[678] .*", Pattern.DOTALL);

	/** Deleting a task that a running process or case waits on (DeleteTaskCmd). */
	private static final Pattern TASK_OF_A_RUNNING_INSTANCE = Pattern
		.compile("The task cannot be deleted because is part of a running .*");

	/** Where Camunda's REST layer turns request bodies into engine calls. */
	private static final String REST_DTOS = "org.camunda.bpm.engine.rest.dto.";

	private EngineErrorStatus() {
	}

	static int of(Throwable failure) {
		if (failure instanceof ParamException param) {
			return param instanceof ParamException.PathParamException ? 404 : 400;
		}
		if (failure instanceof WebApplicationException web) {
			return web.getResponse().getStatus();
		}
		if (failure instanceof RestException rest) {
			boolean unclassified = rest.getStatus() == null || rest.getStatus() == Status.INTERNAL_SERVER_ERROR;
			return unclassified && rest.getCause() instanceof ProcessEngineException cause ? of(cause)
					: rest.getStatus() == null ? 500 : rest.getStatus().getStatusCode();
		}
		if (failure instanceof ProcessEngineException engine) {
			return ofEngine(engine);
		}
		// A decision's FEEL that cannot be evaluated is the model's or the input's doing, and says why.
		return failure instanceof JsonProcessingException || failure instanceof FeelException
				|| isMissingRequestMember(failure) ? 400 : 500;
	}

	/**
	 * Camunda's request DTOs dereference members without checking that the request gave them ({@code migrationPlan}
	 * of a migration, {@code type} of an authorization, {@code instructions} of a restart): a null pointer thrown
	 * there is a member the request left out.
	 */
	static boolean isMissingRequestMember(Throwable failure) {
		return failure instanceof NullPointerException && failure.getStackTrace().length > 0
				&& failure.getStackTrace()[0].getClassName().startsWith(REST_DTOS);
	}

	private static int ofEngine(ProcessEngineException failure) {
		if (failure instanceof AuthorizationException) {
			return 403;
		}
		if (failure instanceof TaskAlreadyClaimedException || failure instanceof OptimisticLockingException
				|| failure.getCode() == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()) {
			return 409;
		}
		if (failure instanceof NotFoundException || failure instanceof DeploymentResourceNotFoundException) {
			return 404;
		}
		if (failure instanceof NullValueException) {
			return failure.getMessage() != null && NOT_FOUND.matcher(failure.getMessage()).matches() ? 404 : 400;
		}
		if (failure instanceof BadUserRequestException || failure instanceof ParseException
				|| failure instanceof MigratingProcessInstanceValidationException || failure instanceof FormException
				|| failure instanceof MismatchingMessageCorrelationException || isCausedBy(failure, DmnTransformException.class)) {
			return 400;
		}
		String message = failure.getMessage() == null ? "" : failure.getMessage();
		if (UNREADABLE_TIMER_VALUE.matcher(message).matches()) {
			return 400;
		}
		return TASK_OF_A_RUNNING_INSTANCE.matcher(message).matches() ? 409 : 500;
	}

	private static boolean isCausedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
