package io.touchpoints.system.web;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import io.touchpoints.system.ProblemResponses;
import io.touchpoints.system.TouchpointsProperties;

/**
 * The defensive filters around authentication: bodies are bounded before anything reads them, malformed request
 * targets are refused, failed logins are throttled before credentials are checked; after authentication (order
 * +10), engine requests are inspected for expressions and held to the {@link EngineRequestRule}s. The webapps' own
 * filters come after all of these.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

	private static final String ENGINE_REST = "/engine-rest/*";

	/**
	 * A login form, an unsubscribe click or a survey answer: what anyone may send before being authenticated. A
	 * survey comment of 2,000 characters of a script that takes three UTF-8 bytes each is 18 KB form-encoded.
	 */
	private static final DataSize ANONYMOUS_BODY_LIMIT = DataSize.ofKilobytes(32);

	private final String webappPath;

	private final ProblemResponses problems;

	WebFilters(CamundaBpmProperties camunda, ProblemResponses problems) {
		this.webappPath = camunda.getWebapp().getApplicationPath();
		this.problems = problems;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(TouchpointsProperties properties,
			Callers callers) {
		var limits = new RequestBodyLimitFilter.Limits(properties.api().maxRequestSize(),
				properties.api().maxDeploymentSize(), ANONYMOUS_BODY_LIMIT);
		var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, webappPath, callers, problems));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestTargetFilter> requestTargetFilter() {
		var registration = new FilterRegistrationBean<>(new RequestTargetFilter(problems));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(TouchpointsProperties properties) {
		var security = properties.security();
		var perUser = new LoginThrottleFilter.Allowance(security.failedLoginsPerClient(), security.failedLoginWindow());
		var perAddress = new LoginThrottleFilter.Allowance(security.failedLoginsPerAddress(),
				security.failedLoginWindow());
		var registration = new FilterRegistrationBean<>(
				new LoginThrottleFilter(perUser, perAddress, webappPath, problems));
		registration.addUrlPatterns(ENGINE_REST, "/api/*", webappPath + "/api/admin/auth/user/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ExpressionInspectionFilter> expressionInspectionFilter(ObjectMapper objectMapper,
			Callers callers) {
		String deployments = "(/engine-rest(/engine/[^/]+)?|" + Pattern.quote(webappPath) + "/api/engine/engine/[^/]+)"
				+ "/deployment/create";
		String storedFilters = Pattern.quote(webappPath) + "/api/engine/engine/[^/]+/filter(/[^/]+)?";
		var registration = new FilterRegistrationBean<>(new ExpressionInspectionFilter(objectMapper, problems, callers,
				Pattern.compile(deployments + "|" + storedFilters)));
		registration.addUrlPatterns(ENGINE_REST, webappPath + "/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<EngineRequestFilter> engineRequestFilter(Callers callers, List<EngineRequestRule> rules,
			ObjectMapper objectMapper) {
		var registration = new FilterRegistrationBean<>(
				new EngineRequestFilter(webappPath, callers, rules, objectMapper, problems));
		registration.addUrlPatterns(ENGINE_REST, webappPath + "/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

}
