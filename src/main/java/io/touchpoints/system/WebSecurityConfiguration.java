package io.touchpoints.system;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what over HTTP. Engine REST and {@code /api} require HTTP Basic against Camunda's identity
 * service; the Camunda webapps keep their own session login; only {@code /actuator/health} is open. The filters
 * of {@link io.touchpoints.system.web} run in this order: bodies bounded (every path), failed logins throttled,
 * callers authenticated, engine requests inspected for expressions, engine requests held to the rules.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration implements WebMvcConfigurer {

	static final String ENGINE_REST = "/engine-rest/*";

	static final String API = "/api/*";

	static final int AUTHENTICATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final IdentityService identityService;

	WebSecurityConfiguration(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns(ENGINE_REST);
		registration.setOrder(AUTHENTICATION_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProblemResponses problems) {
		var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, problems));
		registration.addUrlPatterns(API);
		registration.setOrder(AUTHENTICATION_ORDER);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new GroupAccessInterceptor(identityService)).addPathPatterns("/api/**");
	}

}
