package io.touchpoints.touchpoint;

import java.util.List;

/**
 * An email ready to hand to SMTP. {@code unsubscribeUrl}, when set, becomes the RFC 8058 one-click
 * {@code List-Unsubscribe} header; {@code category}, for optional emails, names the {@code List-Id}.
 */
record OutgoingEmail(String to, RenderedEmail content, String messageId, String unsubscribeUrl,
		List<Attachment> attachments, EmailCategory listCategory) {

	OutgoingEmail(String to, RenderedEmail content, String messageId, String unsubscribeUrl,
			List<Attachment> attachments) {
		this(to, content, messageId, unsubscribeUrl, attachments, null);
	}

}
