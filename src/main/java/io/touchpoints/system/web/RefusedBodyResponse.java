package io.touchpoints.system.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response of a request whose body could not be read (too large, or not yet authenticated) while the
 * application read it: from that moment on, whatever the application answers (a 400 for a truncated body, say) is
 * discarded, so the filter can answer for the real reason.
 */
class RefusedBodyResponse extends HttpServletResponseWrapper {

	private final LimitedBodyRequest request;

	RefusedBodyResponse(HttpServletResponse response, LimitedBodyRequest request) {
		super(response);
		this.request = request;
	}

	private boolean refused() {
		return request.refusal() != null;
	}

	@Override
	public void setStatus(int status) {
		if (!refused()) {
			super.setStatus(status);
		}
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		if (!refused()) {
			super.sendError(status, message);
		}
	}

	@Override
	public void sendError(int status) throws IOException {
		if (!refused()) {
			super.sendError(status);
		}
	}

	@Override
	public void setHeader(String name, String value) {
		if (!refused()) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (!refused()) {
			super.addHeader(name, value);
		}
	}

	@Override
	public void setContentType(String type) {
		if (!refused()) {
			super.setContentType(type);
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		return refused() ? new Discarding() : super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		return refused() ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
	}

	@Override
	public void flushBuffer() throws IOException {
		if (!refused()) {
			super.flushBuffer();
		}
	}

	private static final class Discarding extends ServletOutputStream {

		@Override
		public void write(int b) {
			// The application's answer to a body it never fully got is not sent.
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			// Writes never block.
		}

	}

}
