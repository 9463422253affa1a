package io.touchpoints.touchpoint;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.StringJoiner;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;


/**
 * Hands emails to SMTP. The {@code Message-ID} derives from the touchpoint's idempotency key, so every attempt
 * at the same touchpoint carries the same message identity.
 */
@Component
class EmailSender {

	/** 39 bytes are 52 characters of Base64, 64 with "=?UTF-8?B?" and "?=": a line of 78 holds one after "Subject: ". */
	private static final int BYTES_PER_ENCODED_WORD = 39;

	private final JavaMailSenderImpl mailSender;

	private final InternetAddress from;

	private final InternetAddress replyTo;

	/** The sender's domain: of every Message-ID and List-Id. */
	private final String domain;

	EmailSender(JavaMailSenderImpl mailSender, EmailSettings properties) throws AddressException {
		this.mailSender = mailSender;
		this.from = new InternetAddress(properties.mail().from(), true);
		this.replyTo = new InternetAddress(properties.mail().replyTo(), true);
		this.domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
	}

	String messageIdFor(String idempotencyKey) {
		return "<" + sha256(idempotencyKey).substring(0, 40) + "@" + domain + ">";
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
			helper.setReplyTo(replyTo);
			helper.setTo(new InternetAddress(email.to(), true));
			message.setHeader("Subject", subjectHeader(email.content().subject()));
			helper.setText(email.content().text(), email.content().html());
			if (email.unsubscribeUrl() != null) {
				message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			if (email.listCategory() != null) {
				message.setHeader("List-Id", "Touchpoints " + email.listCategory().value() + " <"
						+ email.listCategory().value() + "." + domain + ">");
			}
			for (Attachment attachment : email.attachments()) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
		}
		catch (MessagingException | UnsupportedEncodingException e) {
			throw new MailPreparationException("Cannot build email to " + email.to() + ": " + e.getMessage(), e);
		}
		mailSender.send(message);
	}

	/**
	 * The Subject header, encoded as {@code MimeMessage.setSubject} encodes it, except that a subject containing
	 * {@code =?} is encoded as a whole: customer text that looks like an RFC 2047 encoded word
	 * ({@code =?UTF-8?B?SGFja2Vk?=}) would otherwise be decoded by mail clients and shown as something it is not.
	 */
	private static String subjectHeader(String subject) throws UnsupportedEncodingException {
		return MimeUtility.fold(9, subject.contains("=?") ? encodedWords(subject)
				: MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), null));
	}

	/**
	 * {@code text} as RFC 2047 "B" encoded words of whole characters, each shorter than the 75 characters the RFC allows.
	 * Jakarta Mail's own encoder leaves text of ASCII characters as it is, which is exactly what must not happen here.
	 */
	private static String encodedWords(String text) {
		StringJoiner words = new StringJoiner(" ");
		int start = 0;
		while (start < text.length()) {
			int end = start;
			int bytes = 0;
			while (end < text.length()) {
				int length = Character.toString(text.codePointAt(end)).getBytes(StandardCharsets.UTF_8).length;
				if (bytes + length > BYTES_PER_ENCODED_WORD) {
					break;
				}
				bytes += length;
				end += Character.charCount(text.codePointAt(end));
			}
			words.add("=?UTF-8?B?" + Base64.getEncoder()
				.encodeToString(text.substring(start, end).getBytes(StandardCharsets.UTF_8)) + "?=");
			start = end;
		}
		return words.toString();
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
