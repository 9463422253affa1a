package io.touchpoints.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every API failure into {@code application/problem+json}; invalid input lists each offending field
 * under {@code errors} as {@code {"field": ..., "message": ...}}.
 */
@RestControllerAdvice(basePackages = "io.touchpoints")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException e) {
		return invalid(e.problems());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Conflict");
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("Forbidden");
		return problem;
	}

	/** A failure nobody foresaw: logged with its cause, which the client is not told. */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e, HttpServletRequest request) {
		log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				ProblemResponses.SERVER_ERROR);
		problem.setTitle("Internal Server Error");
		return problem;
	}

	/**
	 * Jackson's parser reports a number that no Java type holds (an exponent beyond BigDecimal's, {@code 1e2147483648})
	 * with a NumberFormatException of its own, not as malformed JSON; bound to an object, the field is named instead.
	 * Any other NumberFormatException is the server's.
	 */
	@ExceptionHandler(NumberFormatException.class)
	ProblemDetail unreadableNumber(NumberFormatException e, HttpServletRequest request) {
		StackTraceElement[] frames = e.getStackTrace();
		if (frames.length == 0 || !frames[0].getClassName().startsWith("com.fasterxml.jackson.core.")) {
			return unexpected(e, request);
		}
		return invalid(List.of(new FieldProblem("body", "holds a number too large to read")));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException e) {
		return invalid(e.getConstraintViolations()
			.stream()
			.map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldError error : e.getBindingResult().getFieldErrors()) {
			problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		e.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return ResponseEntity.badRequest().body(invalid(problems));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		for (ParameterValidationResult result : e.getParameterValidationResults()) {
			if (result instanceof ParameterErrors errors) {
				errors.getFieldErrors()
					.forEach(error -> problems.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
			}
			else {
				result.getResolvableErrors()
					.forEach(error -> problems.add(new FieldProblem(result.getMethodParameter().getParameterName(),
							error.getDefaultMessage())));
			}
		}
		return ResponseEntity.badRequest().body(invalid(problems));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
		String expected = e.getRequiredType() == null ? "of another type" : JsonValueProblems.expected(e.getRequiredType());
		return ResponseEntity.badRequest()
			.body(invalid(List.of(new FieldProblem(field, "must be " + expected + ", not '" + e.getValue() + "'"))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(e.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JsonMappingException mapping = causeOfType(e, JsonMappingException.class);
		if (mapping != null && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining(".")).replace(".[", "[");
			return ResponseEntity.badRequest()
				.body(invalid(List.of(new FieldProblem(field, invalidValue(mapping)))));
		}
		JsonProcessingException json = causeOfType(e, JsonProcessingException.class);
		String detail = json != null && json.getLocation() != null
				? "Malformed JSON at line " + json.getLocation().getLineNr() + ", column "
						+ json.getLocation().getColumnNr() + ": " + withoutSource(json)
				: "The request body is missing or is not valid JSON";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Malformed request body");
		problem.setProperty("errors", List.of(new FieldProblem("body", detail)));
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail invalid(List<FieldProblem> problems) {
		String detail = problems.stream()
			.map(problem -> problem.field() + ": " + problem.message())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + detail);
		problem.setTitle("Invalid request");
		problem.setProperties(Map.of("errors", problems));
		return problem;
	}

	private static String invalidValue(JsonMappingException mapping) {
		if (mapping instanceof AcceptedDatesModule.OutOfRangeException outOfRange) {
			return outOfRange.getOriginalMessage();
		}
		if (mapping.getCause() instanceof NumberFormatException) {
			return "is a number too large to read";
		}
		if (mapping instanceof InvalidFormatException format) {
			return "must be " + JsonValueProblems.expected(format.getTargetType()) + ", not '" + format.getValue() + "'";
		}
		if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + JsonValueProblems.expected(mismatch.getTargetType());
		}
		return "has an invalid value: " + withoutSource(mapping);
	}

	private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	// Jackson appends where it read from ("[Source: REDACTED ...]"): noise for an API client.
	private static String withoutSource(JsonProcessingException e) {
		return e.getOriginalMessage().replaceAll("(?s)\\s*\\(start marker at \\[Source.*$", "").replaceAll("(?s)\\s*at \\[Source.*$", "").strip();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

}
