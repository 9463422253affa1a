package io.touchpoints.system.web;

import jakarta.servlet.http.HttpServletRequest;

/** The request path below the context path, as filters match it. */
final class RequestPaths {

	private RequestPaths() {
	}

	static String withinApplication(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
