package io.touchpoints.system;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page ({@code /error}) as {@code application/problem+json}, whatever the client accepts: every error
 * that reaches the servlet container without a body of its own (an unknown path, a wrong method, an exception that
 * escaped a filter) is answered like the API's own errors. Server errors say nothing of their cause; it is logged.
 */
@Controller
class ProblemErrorController implements ErrorController {

	private static final int MAX_SHOWN_PATH = 200;

	private final ProblemResponses problems;

	ProblemErrorController(ProblemResponses problems) {
		this.problems = problems;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object originalPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = originalPath == null ? request.getRequestURI() : originalPath.toString();
		HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value ? value : 404);
		problems.write(path, response, status, detail(status, request, response, path));
	}

	private static String detail(HttpStatusCode status, HttpServletRequest request, HttpServletResponse response,
			String path) {
		String shownPath = path.length() > MAX_SHOWN_PATH ? path.substring(0, MAX_SHOWN_PATH) + "…" : path;
		if (status.is5xxServerError()) {
			return "The server could not complete the request; the error has been logged";
		}
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "Nothing at " + shownPath;
		}
		if (status.value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
			String allowed = response.getHeader(HttpHeaders.ALLOW);
			return request.getMethod() + " is not allowed at " + shownPath
					+ (allowed == null || allowed.isBlank() ? "" : "; allowed: " + allowed);
		}
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		return message != null && !message.toString().isBlank() ? message.toString()
				: ProblemResponses.reasonPhrase(status.value());
	}

}
