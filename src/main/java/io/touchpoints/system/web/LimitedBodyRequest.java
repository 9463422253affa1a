package io.touchpoints.system.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body fails to read past the limit, so a body of unknown length (chunked) cannot exhaust memory
 * and is never processed truncated. {@link #exceeded()} tells the filter to answer 413 afterwards.
 */
class LimitedBodyRequest extends HttpServletRequestWrapper {

	private final long limit;

	private ServletInputStream limited;

	private volatile boolean exceeded;

	LimitedBodyRequest(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	boolean exceeded() {
		return exceeded;
	}

	@Override
	public synchronized ServletInputStream getInputStream() throws IOException {
		if (limited == null) {
			limited = new Limited(super.getInputStream());
		}
		return limited;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private final class Limited extends ServletInputStream {

		private final ServletInputStream in;

		private long read;

		Limited(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			refuseWhenExceeded();
			int next = in.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			refuseWhenExceeded();
			int count = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void count(int bytes) throws IOException {
			read += bytes;
			if (read > limit) {
				exceeded = true;
			}
			refuseWhenExceeded();
		}

		private void refuseWhenExceeded() throws IOException {
			if (exceeded) {
				throw new IOException("Request body exceeds " + limit + " bytes");
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
