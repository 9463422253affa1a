package io.touchpoints.support;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the parts of a received email, however deeply they are nested. */
public final class ReceivedMail {

	private ReceivedMail() {
	}

	/** The first body part of the given MIME type ({@code text/plain}, {@code text/html}), or null. */
	public static String part(Part message, String mimeType) throws MessagingException, IOException {
		if (message.isMimeType(mimeType)) {
			return (String) message.getContent();
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
