package io.touchpoints.system.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A request to the engine's REST API, through {@code /engine-rest} or the webapps' mirror of it, reduced to what
 * rules decide on: the method, the resource path below the engine ({@code /task/42/claim}, whichever prefix and
 * engine name it came through), the caller and, when asked, the JSON body.
 */
public final class EngineRequest {

	private HttpServletRequest http;

	private final String method;

	private final String path;

	private final Caller caller;

	private final ObjectMapper objectMapper;

	private JsonNode json;

	EngineRequest(HttpServletRequest http, String path, Caller caller, ObjectMapper objectMapper) {
		this.http = http;
		this.method = http.getMethod();
		this.path = path;
		this.caller = caller;
		this.objectMapper = objectMapper;
	}

	public String method() {
		return method;
	}

	/** The path below the engine, without a trailing slash: {@code /task/42/claim}. */
	public String path() {
		return path;
	}

	public Caller caller() {
		return caller;
	}

	public boolean isRead() {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	/** The path's groups when it matches {@code pattern} whole, else null. */
	public List<String> match(Pattern pattern) {
		Matcher matcher = pattern.matcher(path);
		if (!matcher.matches()) {
			return null;
		}
		return IntStream.rangeClosed(1, matcher.groupCount()).mapToObj(matcher::group).toList();
	}

	/** The body parsed as JSON; a missing node when it is empty or not JSON (the engine then refuses it itself). */
	public JsonNode json() throws IOException {
		if (json == null) {
			BufferedBodyRequest buffered = BufferedBodyRequest.of(http);
			http = buffered;
			byte[] body = buffered.body();
			try {
				json = body.length == 0 ? MissingNode.getInstance() : objectMapper.readTree(body);
			}
			catch (IOException notJson) {
				json = MissingNode.getInstance();
			}
		}
		return json;
	}

	/** The text of a multipart body's field, or null when there is no such field or the body is not multipart. */
	public String multipartField(String name) throws IOException {
		String type = http.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		BufferedBodyRequest buffered = BufferedBodyRequest.of(http);
		http = buffered;
		return MultipartParts.field(buffered.body(), type, name);
	}

	/** The request to pass on: the buffered copy once a rule has read the body. */
	HttpServletRequest forwardable() {
		return http;
	}

}
