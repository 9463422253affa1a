package io.touchpoints.system.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body cannot be read before the caller is authenticated, nor past the limit: so no anonymous
 * client can make the service buffer or parse a body, and a body of unknown length (chunked) can neither exhaust
 * memory nor be processed truncated. {@link #refusal()} tells the filter which answer the read was refused for.
 */
class LimitedBodyRequest extends HttpServletRequestWrapper {

	/** Why a read of the body was refused. */
	enum Refusal {
		TOO_LARGE, NOT_AUTHENTICATED
	}

	private final long limit;

	private final BooleanSupplier mayRead;

	private ServletInputStream limited;

	private volatile Refusal refusal;

	/**
	 * @param mayRead whether the body may be read at all yet: asked at the first read, when the filters that
	 * authenticate have run
	 */
	LimitedBodyRequest(HttpServletRequest request, long limit, BooleanSupplier mayRead) {
		super(request);
		this.limit = limit;
		this.mayRead = mayRead;
	}

	Refusal refusal() {
		return refusal;
	}

	/** Whether the client sends a body at all; reading a request without one only finds its end. */
	private boolean hasBody() {
		return getContentLengthLong() > 0 || "chunked".equalsIgnoreCase(getHeader("Transfer-Encoding"));
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

		private boolean allowed;

		Limited(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			refuseWhenNotAllowed();
			int next = in.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			refuseWhenNotAllowed();
			int count = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void count(int bytes) throws IOException {
			read += bytes;
			if (read > limit) {
				refusal = Refusal.TOO_LARGE;
			}
			refuseWhenNotAllowed();
		}

		private void refuseWhenNotAllowed() throws IOException {
			if (refusal == null && !allowed && hasBody()) {
				allowed = mayRead.getAsBoolean();
				if (!allowed) {
					refusal = Refusal.NOT_AUTHENTICATED;
				}
			}
			if (refusal == Refusal.TOO_LARGE) {
				throw new IOException("Request body exceeds " + limit + " bytes");
			}
			if (refusal == Refusal.NOT_AUTHENTICATED) {
				throw new IOException("Request body not read: the caller is not authenticated");
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
