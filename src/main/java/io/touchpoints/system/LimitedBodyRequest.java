package io.touchpoints.system;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body stops one byte past the limit, so an unbounded chunked upload cannot exhaust memory. */
class LimitedBodyRequest extends HttpServletRequestWrapper {

	private final long limit;

	LimitedBodyRequest(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ServletInputStream in = super.getInputStream();
		return new ServletInputStream() {
			private long read;

			@Override
			public int read() throws IOException {
				if (read > limit) {
					return -1;
				}
				int next = in.read();
				if (next >= 0) {
					read++;
				}
				return next;
			}

			@Override
			public boolean isFinished() {
				return read > limit || in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}
		};
	}

}
