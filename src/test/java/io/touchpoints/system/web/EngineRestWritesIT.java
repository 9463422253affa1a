package io.touchpoints.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.touchpoints.support.Api;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.TestUsers;

/**
 * Every write the engine's REST API offers, found by reading its JAX-RS resources, sent by a CSM and by CX
 * operations: all are refused as administrators' business, except the short list people need. A new engine endpoint
 * cannot slip past unnoticed.
 */
@IntegrationTest
class EngineRestWritesIT {

	private static final List<Class<? extends Annotation>> WRITES = List.of(POST.class, PUT.class, DELETE.class,
			PATCH.class);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	static Stream<Arguments> writes() {
		Set<String> seen = new TreeSet<>();
		List<Arguments> endpoints = new ArrayList<>();
		collect(DefaultProcessEngineRestServiceImpl.class, "", 0, seen, endpoints);
		return endpoints.stream();
	}

	@Test
	void theEngineOffersTheWritesThisTestKnows() {
		assertThat(writes().count()).as("writes found in the engine's REST resources").isGreaterThan(150);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("writes")
	void peopleMayOnlyMakeTheWritesTheyNeed(String method, String path) {
		boolean allowed = "POST".equals(method)
				&& EngineWritesAllowed.ALLOWED.stream().anyMatch(pattern -> pattern.matcher(path).matches());
		for (String user : List.of(users.csm(), users.cxOps())) {
			ResponseEntity<String> answer = send(user, method, "/engine-rest" + path);

			if (allowed) {
				assertThat(String.valueOf(answer.getBody())).as("%s by %s", path, user).doesNotContain("is for administrators");
			}
			else {
				assertThat(answer.getStatusCode().value()).as("%s %s by %s: %s", method, path, user, answer.getBody())
					.isEqualTo(403);
				assertThat(answer.getBody()).contains("is for administrators");
			}
		}
	}

	private ResponseEntity<String> send(String user, String method, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, TestUsers.PASSWORD);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return api.template()
			.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>("{}", headers), String.class);
	}

	private static void collect(Class<?> resource, String prefix, int depth, Set<String> seen, List<Arguments> found) {
		if (depth > 8) {
			return;
		}
		for (Method method : resourceMethods(resource)) {
			String path = prefix + pathOf(method);
			String verb = verbOf(method);
			if (verb == null && method.isAnnotationPresent(Path.class)) {
				collect(method.getReturnType(), path, depth + 1, seen, found);
			}
			else if (verb != null && WRITES.stream().anyMatch(method::isAnnotationPresent)) {
				String filled = path.replaceAll("\\{[^}]+}", "x").replaceAll("/+", "/");
				if (seen.add(verb + " " + filled)) {
					found.add(Arguments.of(verb, filled));
				}
			}
		}
	}

	/** The methods carrying JAX-RS annotations: on the class or, as in Camunda, on the interfaces it implements. */
	private static List<Method> resourceMethods(Class<?> resource) {
		List<Method> methods = new ArrayList<>();
		for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
			methods.addAll(List.of(type.getDeclaredMethods()));
			for (Class<?> contract : type.getInterfaces()) {
				methods.addAll(List.of(contract.getMethods()));
			}
		}
		if (resource.isInterface()) {
			methods.addAll(List.of(resource.getMethods()));
		}
		return methods.stream().filter(EngineRestWritesIT::isJaxRs).toList();
	}

	private static boolean isJaxRs(Method method) {
		return method.isAnnotationPresent(Path.class) || verbOf(method) != null;
	}

	private static String pathOf(Method method) {
		Path path = method.getAnnotation(Path.class);
		return path == null ? "" : (path.value().startsWith("/") ? "" : "/") + path.value();
	}

	private static String verbOf(Method method) {
		for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class,
				HEAD.class, OPTIONS.class)) {
			if (method.isAnnotationPresent(verb)) {
				return verb.getSimpleName();
			}
		}
		return null;
	}

}
