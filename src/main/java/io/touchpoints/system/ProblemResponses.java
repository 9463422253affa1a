package io.touchpoints.system;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes RFC 9457 problem responses from servlet filters, where no controller advice applies. */
@Component
public class ProblemResponses {

	private final ObjectMapper objectMapper;

	public ProblemResponses(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	public void write(HttpServletResponse response, HttpStatus status, String title, String detail,
			Map<String, String> headers) throws IOException {
		write(response, status, title, detail, headers, List.of());
	}

	/** With {@code errors}, one {@code {field, message}} per offending field, as the API's own answers have them. */
	public void write(HttpServletResponse response, HttpStatus status, String title, String detail,
			Map<String, String> headers, List<FieldProblem> errors) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		response.setStatus(status.value());
		headers.forEach(response::setHeader);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		objectMapper.writeValue(response.getOutputStream(), problem);
	}

}
