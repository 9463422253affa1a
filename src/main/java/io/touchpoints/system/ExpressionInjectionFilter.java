package io.touchpoints.system;

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

/**
 * Refuses engine API requests (engine REST and the webapps' own engine API) that carry a JUEL expression ({@code ${} or {@code #{}) anywhere in the path,
 * the parameters or a JSON body, including nested {@code orQueries} and JSON unicode escapes. Camunda 7.24.0
 * evaluates some query expressions it should not; no legitimate client of this service sends them.
 * Multipart deployments are exempt: models contain delegate expressions by design, and deploying needs
 * the DEPLOYMENT CREATE permission that only administrators and CX operations hold.
 */
public class ExpressionInjectionFilter extends OncePerRequestFilter {

	private final ObjectMapper objectMapper;

	private final ProblemResponses problems;

	private final Pattern exemptWrites;

	/**
	 * @param exemptWrites paths (below the context path) whose POST and PUT bodies may carry expressions:
	 * the webapps' stored Tasklist filters, which only holders of the FILTER CREATE or UPDATE permission write
	 */
	public ExpressionInjectionFilter(ObjectMapper objectMapper, ProblemResponses problems, Pattern exemptWrites) {
		this.objectMapper = objectMapper;
		this.problems = problems;
		this.exemptWrites = exemptWrites;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ("POST".equals(method) || "PUT".equals(method)) && exemptWrites.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String where = expressionInPathOrParameters(request);
		HttpServletRequest forwarded = request;
		if (where == null && hasInspectableBody(request)) {
			BufferedBodyRequest buffered = new BufferedBodyRequest(request);
			where = expressionInBody(buffered.body(), request.getContentType());
			forwarded = buffered;
		}
		if (where != null) {
			problems.write(response, HttpStatus.BAD_REQUEST, "Expression refused",
					"Request refused: " + where + " contains an expression ('${' or '#{'); expressions are not accepted "
							+ "in engine REST requests",
					Map.of());
			return;
		}
		chain.doFilter(forwarded, response);
	}

	private static String expressionInPathOrParameters(HttpServletRequest request) {
		if (containsExpression(URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8))) {
			return "the path";
		}
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

	private static boolean hasInspectableBody(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType == null || !contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	private String expressionInBody(byte[] body, String contentType) {
		if (body.length == 0) {
			return null;
		}
		if (contentType != null && contentType.toLowerCase().contains("json")) {
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
