package io.touchpoints.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP calls to the running service, as a given user or anonymously. */
@TestComponent
public class Api {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestRestTemplate http;

	Api(TestRestTemplate http) {
		this.http = http;
	}

	public ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, String jsonBody,
			Object... uriVariables) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		if (user != null) {
			headers.setBasicAuth(user, TestUsers.PASSWORD);
		}
		return http.exchange(path, method, new HttpEntity<>(jsonBody, headers), JsonNode.class, uriVariables);
	}

	public ResponseEntity<JsonNode> put(String user, String path, String jsonBody) {
		return call(user, HttpMethod.PUT, path, jsonBody);
	}

	public ResponseEntity<JsonNode> post(String user, String path, String jsonBody) {
		return call(user, HttpMethod.POST, path, jsonBody);
	}

	public ResponseEntity<JsonNode> get(String user, String path, Object... uriVariables) {
		return call(user, HttpMethod.GET, path, null, uriVariables);
	}

	/** A GET of a path that is already encoded ({@code %2B} for a plus sign in a query stays as it is). */
	public ResponseEntity<JsonNode> getEncoded(String user, String encodedPathAndQuery) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		if (user != null) {
			headers.setBasicAuth(user, TestUsers.PASSWORD);
		}
		URI uri = http.getRestTemplate().getUriTemplateHandler().expand("/").resolve(encodedPathAndQuery);
		return http.exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
	}

	/** A customer's timeline entries, newest first (up to 200), as {@code user} reads them. */
	public List<JsonNode> timeline(String user, String customerRef) {
		JsonNode entries = get(user, "/api/customers/" + customerRef + "/timeline?size=200").getBody().get("entries");
		return StreamSupport.stream(entries.spliterator(), false).toList();
	}

	/** The summaries of a customer's timeline entries, newest first. */
	public List<String> timelineSummaries(String user, String customerRef) {
		return timeline(user, customerRef).stream().map(entry -> entry.get("summary").asText()).toList();
	}

	public TestRestTemplate template() {
		return http;
	}

	/** A customer body like the CRM sends; {@code email} and {@code locale} vary per test. */
	/** The fields a problem document names, in its order. */
	public static List<String> problemFields(ResponseEntity<JsonNode> response) {
		return response.getBody().get("errors").findValuesAsText("field");
	}

	/** What a problem document says of each field it names. */
	public static Map<String, String> problems(ResponseEntity<JsonNode> response) {
		Map<String, String> problems = new LinkedHashMap<>();
		response.getBody().get("errors").forEach(error -> problems.put(error.get("field").asText(),
				error.get("message").asText()));
		return problems;
	}

	public static String customerJson(String name, String email, String locale) {
		return """
				{"name":"%s","email":"%s","locale":"%s","timeZone":"Europe/Madrid","tier":"premium","annualValue":12000}"""
			.formatted(name, email, locale);
	}

	/** A JSON string literal. */
	public static String json(String value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException(e);
		}
	}

	public static String purchaseJson(String purchaseId, boolean migrating) {
		return """
				{"purchaseId":"%s","plan":"pro","startDate":"2026-11-23","renewalDate":"2027-11-23","migrating":%s}"""
			.formatted(purchaseId, migrating);
	}

}
