package io.touchpoints.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads the parts of a received email, however deeply they are nested. */
public final class ReceivedMail {

	private ReceivedMail() {
	}

	/** The subject, or an assertion error naming the problem. */
	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new AssertionError("Unreadable subject", e);
		}
	}

	/** The first body part of the given MIME type ({@code text/plain}, {@code text/html}), or null. */
	public static String part(Part message, String mimeType) throws MessagingException, IOException {
		if (message.isMimeType(mimeType)) {
			Object content = message.getContent();
			return content instanceof InputStream stream ? new String(stream.readAllBytes(), StandardCharsets.UTF_8)
					: (String) content;
		}
		if (message.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
