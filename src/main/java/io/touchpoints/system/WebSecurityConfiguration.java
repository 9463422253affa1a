package io.touchpoints.system;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what over HTTP. Engine REST and {@code /api} require HTTP Basic against Camunda's identity
 * service; the Camunda webapps keep their own session login; only {@code /actuator/health} is open.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration implements WebMvcConfigurer {

	private static final String ENGINE_REST = "/engine-rest/*";

	private static final String API = "/api/*";

	private final IdentityService identityService;

	WebSecurityConfiguration(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Bean
	FilterRegistrationBean<ExpressionInjectionFilter> expressionInjectionFilter(ObjectMapper objectMapper,
			ProblemResponses problems) {
		var registration = new FilterRegistrationBean<>(
				new ExpressionInjectionFilter(objectMapper, problems, Pattern.compile("(?!)")));
		registration.addUrlPatterns(ENGINE_REST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** The webapps reach the same engine through their own API: the same hole, so the same guard. */
	@Bean
	FilterRegistrationBean<ExpressionInjectionFilter> webappExpressionInjectionFilter(ObjectMapper objectMapper,
			ProblemResponses problems, CamundaBpmProperties camunda) {
		String api = camunda.getWebapp().getApplicationPath() + "/api";
		var registration = new FilterRegistrationBean<>(new ExpressionInjectionFilter(objectMapper, problems,
				Pattern.compile(Pattern.quote(api) + "/engine/engine/[^/]+/filter(/[^/]+)?")));
		registration.addUrlPatterns(api + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns(ENGINE_REST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimitFilter(TouchpointsProperties properties,
			ProblemResponses problems) {
		var registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.api().maxRequestSize(), problems));
		registration.addUrlPatterns(API);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProblemResponses problems) {
		var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, problems));
		registration.addUrlPatterns(API);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new GroupAccessInterceptor(identityService)).addPathPatterns("/api/**");
	}

}
