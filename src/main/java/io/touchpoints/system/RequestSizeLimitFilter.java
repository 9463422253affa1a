package io.touchpoints.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses API request bodies over the configured size before anything reads them. */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final DataSize limit;

	private final ProblemResponses problems;

	public RequestSizeLimitFilter(DataSize limit, ProblemResponses problems) {
		this.limit = limit;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
		if (declared > limit.toBytes()) {
			tooLarge(response);
			return;
		}
		if (chunked) {
			BufferedBodyRequest buffered = new BufferedBodyRequest(new LimitedBodyRequest(request, limit.toBytes()));
			if (buffered.body().length > limit.toBytes()) {
				tooLarge(response);
				return;
			}
			chain.doFilter(buffered, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
				"The request body exceeds " + limit.toKilobytes() + " KB", Map.of());
	}

}
