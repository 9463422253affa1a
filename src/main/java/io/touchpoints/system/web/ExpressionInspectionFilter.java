package io.touchpoints.system.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.touchpoints.system.ProblemResponses;

/**
 * Refuses engine API requests (engine REST and the webapps' own engine API) that carry a JUEL expression
 * ({@code ${} or {@code #{}) anywhere in the path, the parameters or the body, JSON bodies parsed so nested
 * {@code orQueries} and unicode escapes are seen, and multipart bodies read part by part. Camunda 7.24.0 evaluates
 * some query expressions it should not; no legitimate client sends them. Runs after authentication and reads only
 * bodies the size filter has bounded: an anonymous request's body is never read here. Model deployments are
 * exempt (models hold expressions by design and the engine's sandbox governs them), and so are the webapps'
 * stored Tasklist filters, whose queries use {@code ${currentUser()}} and need the FILTER permissions.
 */
class ExpressionInspectionFilter extends OncePerRequestFilter {

	private final ObjectMapper objectMapper;

	private final ProblemResponses problems;

	private final Callers callers;

	private final Pattern exemptWrites;

	/**
	 * @param exemptWrites paths (below the context path) whose POST and PUT bodies may carry expressions
	 */
	ExpressionInspectionFilter(ObjectMapper objectMapper, ProblemResponses problems, Callers callers,
			Pattern exemptWrites) {
		this.objectMapper = objectMapper;
		this.problems = problems;
		this.callers = callers;
		this.exemptWrites = exemptWrites;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return ("POST".equals(method) || "PUT".equals(method))
				&& exemptWrites.matcher(RequestPaths.withinApplication(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (callers.isWebappRequest(request) && callers.of(request).isEmpty()) {
			// Not logged in: the webapps' security refuses it without reading the body, and so do we.
			chain.doFilter(request, response);
			return;
		}
		// The target filter has refused malformed encodings already.
		String decodedPath = URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8);
		String decodedQuery = request.getQueryString() == null ? ""
				: URLDecoder.decode(request.getQueryString(), StandardCharsets.UTF_8);
		String where = containsExpression(decodedPath) ? "the path" : expressionInParameters(request);
		if (where == null && containsExpression(decodedQuery)) {
			// A parameter the container could not name (a malformed pair) still reaches the engine's own parser.
			where = "the query";
		}
		HttpServletRequest forwarded = request;
		if (where == null && hasBody(request)) {
			BufferedBodyRequest buffered = BufferedBodyRequest.of(request);
			where = expressionInBody(buffered.body(), request.getContentType());
			forwarded = buffered;
		}
		if (where != null) {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "Expression refused",
					"Request refused: " + where + " contains an expression ('${' or '#{'); expressions are not accepted "
							+ "in engine REST requests",
					Map.of());
			return;
		}
		chain.doFilter(forwarded, response);
	}

	private static String expressionInParameters(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (containsExpression(parameter.getKey())) {
				return "a parameter name";
			}
			for (String value : parameter.getValue()) {
				if (containsExpression(value)) {
					return "parameter '" + parameter.getKey() + "'";
				}
			}
		}
		return null;
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() != 0 && !"GET".equals(request.getMethod())
				&& !"HEAD".equals(request.getMethod());
	}

	private String expressionInBody(byte[] body, String contentType) {
		if (body.length == 0) {
			return null;
		}
		String type = contentType == null ? "" : contentType.toLowerCase();
		if (type.contains("json")) {
			try {
				String field = expressionIn(objectMapper.readTree(body), "body");
				if (field != null) {
					return "'" + field + "'";
				}
			}
			catch (IOException e) {
				// Not JSON after all: the raw check below still applies, and the engine rejects the syntax.
			}
		}
		if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			String part = MultipartParts.firstWith(body, contentType, ExpressionInspectionFilter::containsExpression);
			if (part != null) {
				return "multipart part '" + part + "'";
			}
		}
		return containsExpression(new String(body, StandardCharsets.UTF_8)) ? "the request body" : null;
	}

	private static String expressionIn(JsonNode node, String path) {
		if (node.isTextual()) {
			return containsExpression(node.textValue()) ? path : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = expressionIn(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String fieldPath = path + "." + field.getKey();
			if (containsExpression(field.getKey())) {
				return fieldPath;
			}
			String found = expressionIn(field.getValue(), fieldPath);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	static boolean containsExpression(String value) {
		return value != null && (value.contains("${") || value.contains("#{"));
	}

}
