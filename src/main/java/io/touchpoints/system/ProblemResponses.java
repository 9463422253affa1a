package io.touchpoints.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes RFC 9457 problem responses where no controller advice applies: from servlet filters, the error page and
 * Tomcat's own error reports. Problems about engine REST requests also carry Camunda's {@code message} member,
 * which Camunda Modeler and the other Camunda clients show.
 */
@Component
public class ProblemResponses {

	static final String ENGINE_REST = "/engine-rest/";

	static final String SERVER_ERROR = "The server could not complete the request; the error has been logged";

	private static final int MAX_INSTANCE_LENGTH = 2000;

	private static final int MAX_SHOWN_PATH = 200;

	private final ObjectMapper objectMapper;

	public ProblemResponses(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail, Map<String, String> headers) throws IOException {
		write(request, response, status, title, detail, headers, List.of());
	}

	/** With {@code errors}, one {@code {field, message}} per offending field, as the API's own answers have them. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail, Map<String, String> headers, List<FieldProblem> errors) throws IOException {
		ProblemDetail problem = problem(pathOf(request), status, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		response.setStatus(status.value());
		headers.forEach(response::setHeader);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		objectMapper.writeValue(response.getOutputStream(), problem);
	}

	/** Answers the request for {@code path} with a problem of {@code status}, titled by its reason phrase. */
	void write(String path, HttpServletResponse response, HttpStatusCode status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json(path, status, detail).getBytes(StandardCharsets.UTF_8));
	}

	/** The JSON of a problem of {@code status} about the request for {@code path}. */
	String json(String path, HttpStatusCode status, String detail) {
		ProblemDetail problem = problem(path, status, detail);
		problem.setTitle(reasonPhrase(status.value()));
		try {
			return objectMapper.writeValueAsString(problem);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("A problem detail always serializes", e);
		}
	}

	private static ProblemDetail problem(String path, HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (path != null && !path.isEmpty() && path.length() <= MAX_INSTANCE_LENGTH) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException notAUri) {
				// Tomcat refused the path for this very reason: the problem goes without an instance.
			}
		}
		if (path != null && path.startsWith(ENGINE_REST)) {
			problem.setProperty("message", detail);
		}
		return problem;
	}

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * What an error that came without a body of its own means, in words: the error page and the error report valve
	 * say the same. {@code allow} and {@code challenge} are the response's Allow and WWW-Authenticate headers,
	 * {@code message} what the code that refused the request said, if anything.
	 */
	static String detail(HttpStatusCode status, String method, String path, String allow, String challenge,
			String message) {
		String shownPath = path.length() > MAX_SHOWN_PATH ? path.substring(0, MAX_SHOWN_PATH) + "…" : path;
		if (status.is5xxServerError()) {
			return SERVER_ERROR;
		}
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "Nothing at " + shownPath;
		}
		if (status.value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
			return method + " is not allowed at " + shownPath
					+ (allow == null || allow.isBlank() ? "" : "; allowed: " + allow);
		}
		if (status.value() == HttpStatus.UNAUTHORIZED.value() && challenge != null && challenge.startsWith("Basic")) {
			return "Authenticate with HTTP Basic as a Touchpoints user";
		}
		return message != null && !message.isBlank() ? message : reasonPhrase(status.value());
	}

	/** "Not Found" for 404; "Error 599" for a status without a name. */
	static String reasonPhrase(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? "Error " + status : known.getReasonPhrase();
	}

}
