package io.touchpoints.system;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Errors that the servlet container answers itself are {@code application/problem+json} too. */
@Configuration(proxyBeanMethods = false)
class ProblemResponsesConfiguration {

	/** Replaces Tomcat's HTML error report valve of the host; Tomcat finds it in place and adds no other. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ProblemResponses problems,
			ServerProperties server) {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.getPipeline()
					.addValve(new ProblemErrorReportValve(problems, server.getMaxHttpRequestHeaderSize()));
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

}
