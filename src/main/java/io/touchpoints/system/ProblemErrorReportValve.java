package io.touchpoints.system;

import java.io.IOException;
import java.io.Writer;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's own error reports as {@code application/problem+json} instead of its HTML page, and the last word on
 * every error that would leave without a body. Tomcat answers some requests itself: a request line or header section
 * larger than {@code server.max-http-request-header-size} (414 URI Too Long and 431 Request Header Fields Too Large,
 * where Tomcat says 400), a path Tomcat refuses to decode (an encoded NUL or slash, a character not allowed in a
 * URI), a TRACE request (405). And code that sets an error status without writing anything (Camunda's engine REST
 * authentication, a response wrapper that drops {@code sendError}) leaves the error page out.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	private static final String TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
		.getString("iib.requestheadertoolarge.error");

	private final ProblemResponses problems;

	private final DataSize maxHeaderSize;

	ProblemErrorReportValve(ProblemResponses problems, DataSize maxHeaderSize) {
		this.problems = problems;
		this.maxHeaderSize = maxHeaderSize;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (response.isError()) {
			// The connector refused the request before any application saw it (too large, a TRACE). Passed on, a TRACE
			// would reach the error page with its own method, which writes nothing there; once reported, the application.
			response.setSuspended(false);
			report(request, response, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
			return;
		}
		super.invoke(request, response);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
			return;
		}
		boolean refusedByTomcat = response.isError();
		if (refusedByTomcat && !response.setErrorReported()) {
			return;
		}
		String path = request.getRequestURI();
		HttpStatusCode status = HttpStatusCode.valueOf(response.getStatus());
		String detail;
		if (throwable != null && TOO_LARGE.equals(throwable.getMessage())) {
			// Tomcat reads the request line and the headers into one buffer; without a path, the line did not fit.
			boolean requestLine = path == null || path.isEmpty();
			status = requestLine ? HttpStatus.URI_TOO_LONG : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
			detail = (requestLine ? "The request line (method, path and query) exceeds" : "The request headers exceed")
					+ " the " + maxHeaderSize.toKilobytes() + " KB this server accepts";
		}
		else if (status.is5xxServerError()) {
			detail = ProblemResponses.SERVER_ERROR;
		}
		else if (!refusedByTomcat) {
			detail = ProblemResponses.detail(status, request.getMethod(), path, response.getHeader(HttpHeaders.ALLOW),
					response.getHeader(HttpHeaders.WWW_AUTHENTICATE), null);
		}
		else if (response.getMessage() != null && !response.getMessage().isBlank()) {
			detail = "The request was refused: " + response.getMessage();
		}
		else {
			detail = throwable instanceof IllegalArgumentException && throwable.getMessage() != null
					? "The request was refused: " + throwable.getMessage() : "The request was refused";
		}
		try {
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(problems.json(path, status, detail));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// The client is gone or the response already went out: nothing left to tell anyone.
		}
	}

}
