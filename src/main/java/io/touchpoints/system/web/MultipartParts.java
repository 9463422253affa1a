package io.touchpoints.system.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.RequestContext;

/**
 * Reads a multipart body part by part with the parser engine REST itself uses (commons-fileupload), so a check
 * sees each part as the engine will.
 */
final class MultipartParts {

	private MultipartParts() {
	}

	/** The name of the first part whose name, file name or content matches; null when none does or it does not parse. */
	static String firstWith(byte[] body, String contentType, Predicate<String> test) {
		return find(body, contentType, (part, content) -> test.test(part.getFieldName()) || test.test(part.getName())
				|| test.test(content) ? part.getFieldName() : null);
	}

	/** The text of the part named {@code name}; null when there is none or the body does not parse. */
	static String field(byte[] body, String contentType, String name) {
		return find(body, contentType, (part, content) -> name.equals(part.getFieldName()) ? content : null);
	}

	private static String find(byte[] body, String contentType, BiFunction<FileItemStream, String, String> found) {
		try {
			FileItemIterator parts = new FileUpload().getItemIterator(new BodyContext(body, contentType));
			while (parts.hasNext()) {
				FileItemStream part = parts.next();
				String content;
				try (InputStream in = part.openStream()) {
					content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				String result = found.apply(part, content);
				if (result != null) {
					return result;
				}
			}
		}
		catch (FileUploadException | IOException unparseable) {
			// Engine REST refuses what its own parser cannot read.
		}
		return null;
	}

	private record BodyContext(byte[] body, String contentType) implements RequestContext {

		@Override
		public String getCharacterEncoding() {
			return null;
		}

		@Override
		public String getContentType() {
			return contentType;
		}

		@Override
		@Deprecated
		public int getContentLength() {
			return body.length;
		}

		@Override
		public InputStream getInputStream() {
			return new ByteArrayInputStream(body);
		}

	}

}
