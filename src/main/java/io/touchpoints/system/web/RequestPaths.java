package io.touchpoints.system.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request path as the servlet container resolved it (decoded, {@code ..} and {@code //} folded, path parameters
 * such as {@code ;x=1} removed), below the context path: what the servlets behind the filters serve, so a filter
 * cannot be told one path while a servlet serves another.
 */
final class RequestPaths {

	private RequestPaths() {
	}

	static String withinApplication(HttpServletRequest request) {
		return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
	}

}
