package io.touchpoints.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * Every failure of an engine REST request as {@code application/problem+json} with the status of
 * {@link EngineErrorStatus}. Camunda's clients (Camunda Modeler among them) read {@code message} from error bodies,
 * so the members of Camunda's own error body stay: its {@code message}, {@code code} and the details of
 * authorization and parse failures; its {@code type} (the exception's name) becomes {@code exceptionType}, since
 * {@code type} is the problem type. Registered as the only exception mapper of engine REST, instead of Camunda's, so
 * which mapper answers never depends on registration order.
 */
class EngineRestProblems implements ExceptionMapper<Throwable> {

	private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

	private static final Pattern NULL_MEMBER = Pattern.compile("because \"(?:this\\.)?(\\w+?)(?:Dto)?\" is null");

	private final ObjectMapper json;

	@Context
	private UriInfo uri;

	@Context
	private Request request;

	@Context
	private HttpHeaders headers;

	EngineRestProblems(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public Response toResponse(Throwable failure) {
		int status = EngineErrorStatus.of(failure);
		String path = uri.getRequestUri().getRawPath();
		if (status >= 500) {
			log.error("Engine REST request {} {} failed", request.getMethod(), path, failure);
		}
		else {
			log.debug("Engine REST request {} {} refused with {}", request.getMethod(), path, status, failure);
		}
		String detail = detail(failure, status, path);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", ProblemResponses.reasonPhrase(status));
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", path);
		problem.put("message", detail);
		Map<String, Object> camunda = json.convertValue(ExceptionHandlerHelper.getInstance().fromException(failure),
				new TypeReference<Map<String, Object>>() {
				});
		problem.put("exceptionType", camunda.remove("type"));
		camunda.remove("message");
		camunda.forEach(problem::putIfAbsent);
		Response.ResponseBuilder response = Response.status(status)
			.type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.entity(serialized(problem));
		if (failure instanceof WebApplicationException web && web.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
			response.header(HttpHeaders.ALLOW, web.getResponse().getHeaderString(HttpHeaders.ALLOW));
		}
		return response.build();
	}

	private String detail(Throwable failure, int status, String path) {
		if (failure instanceof ParamException param) {
			String kind = param.getParameterType().getSimpleName().replace("Param", "").toLowerCase(Locale.ROOT);
			return "The " + kind + " parameter '" + param.getParameterName() + "' has an invalid value";
		}
		if (failure instanceof WebApplicationException web) {
			String allowed = web.getResponse().getHeaderString(HttpHeaders.ALLOW);
			return switch (status) {
				case 404 -> "No engine REST resource at " + path;
				case 406 -> "This resource cannot answer in " + headers.getAcceptableMediaTypes();
				case 415 -> "This resource does not read " + headers.getMediaType();
				case 405 -> request.getMethod() + " is not allowed at " + path
						+ (allowed == null ? "" : "; allowed: " + allowed);
				default -> status >= 500 ? ProblemResponses.SERVER_ERROR : ProblemResponses.reasonPhrase(status);
			};
		}
		if (failure instanceof JsonMappingException mapping) {
			String field = mapping.getPath()
				.stream()
				.map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining());
			return "The request body does not fit this resource" + (field.isEmpty() ? "" : " at " + field.substring(1))
					+ ": " + mapping.getOriginalMessage();
		}
		if (failure instanceof JsonProcessingException malformed) {
			return "The request body is not valid JSON"
					+ (malformed.getLocation() == null ? "" : " at line " + malformed.getLocation().getLineNr()
							+ ", column " + malformed.getLocation().getColumnNr())
					+ ": " + malformed.getOriginalMessage();
		}
		if (EngineErrorStatus.isMissingRequestMember(failure)) {
			// The JVM's message names the null variable (helpful NullPointerExceptions); the DTO's member has its name.
			Matcher member = NULL_MEMBER.matcher(String.valueOf(failure.getMessage()));
			return "The request body lacks " + (member.find() ? "'" + member.group(1) + "'" : "a member")
					+ ", which this resource needs";
		}
		Throwable cause = failure instanceof RestException && failure.getCause() != null ? failure.getCause() : failure;
		if ((status >= 500 && !isEngineReason(cause) && !(cause instanceof RestException)) || failure.getMessage() == null
				|| failure.getMessage().isBlank()) {
			return status >= 500 ? ProblemResponses.SERVER_ERROR : ProblemResponses.reasonPhrase(status);
		}
		return status >= 500 ? failure.getMessage() : withReasons(failure);
	}

	/**
	 * The message and the reasons the engine gave in its causes, where they add to it: a DMN file it cannot use says
	 * only that, its cause what the file lacks.
	 */
	private static String withReasons(Throwable failure) {
		StringBuilder detail = new StringBuilder(failure.getMessage());
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (isEngineReason(cause) && cause.getMessage() != null && detail.indexOf(cause.getMessage()) < 0) {
				detail.append(' ').append(cause.getMessage());
			}
		}
		return detail.toString();
	}

	private static boolean isEngineReason(Throwable failure) {
		return (failure instanceof ProcessEngineException && !(failure instanceof ProcessEnginePersistenceException))
				|| failure instanceof DmnEngineException;
	}

	private String serialized(Map<String, Object> problem) {
		try {
			return json.writeValueAsString(problem);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("A problem of strings and numbers always serializes", e);
		}
	}

}
