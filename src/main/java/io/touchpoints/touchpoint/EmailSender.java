package io.touchpoints.touchpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.touchpoints.system.TouchpointsProperties;

/**
 * Hands emails to SMTP. The {@code Message-ID} derives from the touchpoint's idempotency key, so every attempt
 * at the same touchpoint carries the same message identity.
 */
@Component
class EmailSender {

	private final JavaMailSenderImpl mailSender;

	private final InternetAddress from;

	EmailSender(JavaMailSenderImpl mailSender, TouchpointsProperties properties) throws AddressException {
		this.mailSender = mailSender;
		this.from = new InternetAddress(properties.mail().from(), true);
	}

	String messageIdFor(String idempotencyKey) {
		String address = from.getAddress();
		return "<" + sha256(idempotencyKey).substring(0, 40) + "@" + address.substring(address.indexOf('@') + 1) + ">";
	}

	void send(OutgoingEmail email) {
		MimeMessage message = new MimeMessage(mailSender.getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", email.messageId());
			}
		};
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(new InternetAddress(email.to(), true));
			helper.setSubject(email.content().subject());
			helper.setText(email.content().text(), email.content().html());
			if (email.unsubscribeUrl() != null) {
				message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			for (Attachment attachment : email.attachments()) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
		}
		catch (MessagingException e) {
			throw new MailPreparationException("Cannot build email to " + email.to() + ": " + e.getMessage(), e);
		}
		mailSender.send(message);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
