package io.touchpoints.system;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
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
		problems.write(path, response, status,
				ProblemResponses.detail(status, request.getMethod(), path, response.getHeader(HttpHeaders.ALLOW),
						response.getHeader(HttpHeaders.WWW_AUTHENTICATE),
						Objects.toString(request.getAttribute(RequestDispatcher.ERROR_MESSAGE), null)));
	}

}
