package io.touchpoints.system;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;

/**
 * The webapps' own engine API ({@code /camunda/api/engine/*}, which Tasklist, Cockpit and Admin call) with the
 * statuses of {@link EngineErrorStatus}, so a claim of a task someone else claimed is a 409 there too, but with
 * Camunda's error body: the webapps read its members (Cockpit words an authorization failure from them), and the
 * Tasklist's API client shows {@code message} whatever the status. Registers the servlet under the name Camunda's
 * webapp initializer uses, before it, which then leaves it as it is.
 */
class WebappEngineApi implements ServletContextInitializer, Ordered {

	private static final Logger log = LoggerFactory.getLogger(WebappEngineApi.class);

	static final String SERVLET_NAME = "Engine Api";

	private final String applicationPath;

	WebappEngineApi(String applicationPath) {
		this.applicationPath = applicationPath;
	}

	@Override
	public void onStartup(ServletContext servletContext) {
		ServletRegistration.Dynamic servlet = servletContext.addServlet(SERVLET_NAME, ServletContainer.class);
		if (servlet == null) {
			throw new IllegalStateException("The webapps' engine API servlet '" + SERVLET_NAME
					+ "' was registered before; it would answer engine failures with Camunda's statuses");
		}
		servlet.addMapping(applicationPath + "/api/engine/*");
		servlet.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, Application.class.getName());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/** Camunda's engine API application with the exception mappers below in place of Camunda's two. */
	public static class Application extends EngineRestApplication {

		@Override
		public Set<Class<?>> getClasses() {
			Set<Class<?>> classes = new HashSet<>(super.getClasses());
			classes.remove(ProcessEngineExceptionHandler.class);
			classes.remove(RestExceptionHandler.class);
			classes.add(EngineFailures.class);
			classes.add(RestFailures.class);
			return classes;
		}

	}

	/** Camunda's answer to an engine failure, with the status of {@link EngineErrorStatus}. */
	public static class EngineFailures implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException failure) {
			return withStatus(failure);
		}

	}

	/** Camunda's answer to a failure its REST resources classified, with the status of {@link EngineErrorStatus}. */
	public static class RestFailures implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException failure) {
			return withStatus(failure);
		}

	}

	private static Response withStatus(Throwable failure) {
		int status = EngineErrorStatus.of(failure);
		if (status >= 500) {
			log.error("Webapp engine API request failed", failure);
		}
		else {
			log.debug("Webapp engine API request refused with {}", status, failure);
		}
		return Response.status(status)
			.entity(ExceptionHandlerHelper.getInstance().fromException(failure))
			.type(MediaType.APPLICATION_JSON_TYPE)
			.build();
	}

}
