package io.touchpoints.touchpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.touchpoints.system.TouchpointsProperties;

/**
 * Hands emails to SMTP. The {@code Message-ID} derives from the touchpoint's idempotency key, so the same
 * touchpoint always produces the same message identity.
 */
@Component
class EmailSender {

	private final JavaMailSenderImpl mailSender;

	private final String from;

	EmailSender(JavaMailSenderImpl mailSender, TouchpointsProperties properties) {
		this.mailSender = mailSender;
		this.from = properties.mail().from();
	}

	void send(String to, RenderedEmail email, String idempotencyKey) {
		String messageId = "<" + sha256(idempotencyKey) + "@touchpoints>";
		MimeMessage message = new MimeMessage(mailSender.getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(new InternetAddress(from, true));
			helper.setTo(new InternetAddress(to, true));
			helper.setSubject(email.subject());
			helper.setText(email.text(), email.html());
		}
		catch (MessagingException e) {
			throw new MailPreparationException("Cannot build email to " + to + ": " + e.getMessage(), e);
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
