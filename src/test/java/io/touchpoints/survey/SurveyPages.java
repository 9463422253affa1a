package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A customer's browser on the survey pages, without JavaScript: it keeps its cookies and does not follow
 * redirects, so a test sees every step. (The pages' script only submits the form this client submits itself.)
 */
final class SurveyPages {

	private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String root;

	SurveyPages(TestRestTemplate http) {
		this.root = http.getRootUri();
	}

	record Page(int status, String body, HttpResponse<String> response) {

		String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		String csrf() {
			Matcher field = CSRF.matcher(body);
			assertThat(field.find()).as("a CSRF field in %s", body).isTrue();
			return field.group(1);
		}

	}

	Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(root + path)).GET());
	}

	Page post(String path, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(root + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Opens the link and submits the page's form, as a person's browser runs the page's script at once; answers the
	 * answer page, which the form's post answers itself.
	 */
	Page click(String link) {
		Page opened = get(link);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		Page recorded = post(link, Map.of("csrf", opened.csrf(), SurveyPage.SCRIPTED, "yes"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
		return recorded;
	}

	static String pathOf(String location) {
		URI uri = URI.create(location);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	/** Changes the answer on the answer page: score and comment. */
	Page change(String link, String score, String comment) {
		Page answer = get(link + "/answer");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("csrf", answer.csrf());
		if (score != null) {
			form.put("score", score);
		}
		if (comment != null) {
			form.put("comment", comment);
		}
		return post(link + "/answer", form);
	}

	static Page answer(TestRestTemplate http, String link) {
		return new SurveyPages(http).click(link);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(), response);
		}
		catch (IOException | InterruptedException e) {
			throw new AssertionError(e);
		}
	}

}
