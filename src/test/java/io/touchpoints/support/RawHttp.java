package io.touchpoints.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests Java's own client cannot send: a body announced larger than the server's
 * memory, streamed without end, or no Content-Length at all. Reports the status line and how many body bytes went
 * out before the server answered or closed the connection, or the whole answer.
 */
public final class RawHttp {

	private static final int CHUNK = 64 * 1024;

	private RawHttp() {
	}

	/** What came back: the status (0 when the server closed without one) and the body bytes written. */
	public record Outcome(int status, long bytesSent) {
	}

	/**
	 * Sends headers, then body bytes until the server answers, closes, or {@code maxBytes} went out. With
	 * {@code declaredLength} the body is announced by Content-Length, else it is chunked.
	 */
	public static Outcome stream(int port, String method, String path, String contentType, String user,
			Long declaredLength, long maxBytes) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
			head.append("Content-Type: ").append(contentType).append("\r\n");
			if (user != null) {
				String credentials = user + ":" + TestUsers.PASSWORD;
				head.append("Authorization: Basic ")
					.append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
					.append("\r\n");
			}
			head.append(declaredLength == null ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + declaredLength + "\r\n");
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] filler = new byte[CHUNK];
			Arrays.fill(filler, (byte) 'a');
			byte[] chunk = openingOf(contentType);
			long sent = 0;
			try {
				while (sent < maxBytes && in.available() == 0) {
					if (declaredLength == null) {
						out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					}
					out.write(chunk);
					if (declaredLength == null) {
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					sent += chunk.length;
					chunk = filler;
				}
			}
			catch (SocketException closedByServer) {
				// The server stopped reading and closed: what it answered before is what counts.
			}
			return new Outcome(status(in), sent);
		}
	}

	/**
	 * A GET of a raw request target, sent as written (no client would send a malformed one); the whole answer,
	 * status line, headers and body.
	 */
	public static String get(int port, String rawTarget, String user) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			String head = "GET " + rawTarget + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ (user == null ? "" : "Authorization: Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n")
					+ "\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** A whole answer: status, headers (names in lower case, the last of each) and body. */
	public record Answer(int status, Map<String, String> headers, String body) {
	}

	/**
	 * A request without a body and without Content-Length, as curl and browsers send a GET, DELETE or TRACE (Java's
	 * HttpClient always adds {@code Content-Length: 0}); {@code headers} as {@code "Name: value"}.
	 */
	public static Answer send(int port, String method, String target, String user, String... headers)
			throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
			if (user != null) {
				head.append("Authorization: Basic ")
					.append(Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.append("\r\n");
			}
			for (String header : headers) {
				head.append(header).append("\r\n");
			}
			socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			return answer(socket.getInputStream().readAllBytes());
		}
	}

	private static Answer answer(byte[] raw) {
		String head = new String(raw, StandardCharsets.ISO_8859_1);
		int end = head.indexOf("\r\n\r\n");
		String[] lines = head.substring(0, end).split("\r\n");
		Map<String, String> headers = new HashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunked(body);
		}
		return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunked(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String text = new String(chunked, StandardCharsets.ISO_8859_1);
		int at = 0;
		while (true) {
			int lineEnd = text.indexOf("\r\n", at);
			int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
			if (size == 0) {
				return body.toByteArray();
			}
			body.write(chunked, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
	}

	/** Sends headers only, announcing a chunked body that never comes, and waits for an answer. */
	public static int withoutBody(int port, String method, String path, String contentType, String user)
			throws IOException {
		return stream(port, method, path, contentType, user, null, 0).status();
	}

	/** How a body of this type begins, so a parser reads on rather than failing at the first byte. */
	private static byte[] openingOf(String contentType) {
		String opening = contentType.startsWith("multipart/form-data; boundary=")
				? "--" + contentType.substring(contentType.indexOf('=') + 1)
						+ "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.bpmn\"\r\n\r\n"
				: contentType.contains("json") ? "[{\"eventId\":\"" : "a";
		return opening.getBytes(StandardCharsets.US_ASCII);
	}

	private static int status(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		try {
			for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
				line.append((char) next);
			}
		}
		catch (SocketException reset) {
			return 0;
		}
		String[] parts = line.toString().split(" ");
		return parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : 0;
	}

}
