package io.touchpoints.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.support.Customers;
import io.touchpoints.support.IntegrationTest;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.TestSmtp;

/**
 * Customer text in the Subject reads in the mail client exactly as the customer wrote it: text that looks like an
 * RFC 2047 encoded word is encoded so that it decodes to itself, and every other subject is written as before.
 */
@IntegrationTest
class EmailSubjectIT {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

	@Autowired
	Customers customers;

	@Autowired
	Jobs jobs;

	@Test
	void aNameThatLooksLikeAnEncodedWordIsShownLiterally() throws Exception {
		MimeMessage welcome = welcomeEmailTo("=?UTF-8?B?SGFja2Vk?=", "en");

		String header = welcome.getHeader("Subject", null);
		assertThat(welcome.getSubject()).isEqualTo("Welcome to Touchpoints, =?UTF-8?B?SGFja2Vk?=");
		assertThat(MimeUtility.decodeText(header)).isEqualTo("Welcome to Touchpoints, =?UTF-8?B?SGFja2Vk?=");
		assertThat(MimeUtility.unfold(header)).doesNotContain("Hacked").startsWith("=?UTF-8?");
	}

	@Test
	void anEncodedWordInsideANameIsShownLiterallyToo() throws Exception {
		MimeMessage welcome = welcomeEmailTo("Ana=?ISO-8859-1?Q?_Garc=EDa?=", "en");

		assertThat(welcome.getSubject()).isEqualTo("Welcome to Touchpoints, Ana=?ISO-8859-1?Q?_Garc=EDa?=");
	}

	@Test
	void ordinarySubjectsAreWrittenAsBefore() throws Exception {
		MimeMessage plain = welcomeEmailTo("Ana Smith", "en");
		MimeMessage accented = welcomeEmailTo("Ana García", "es");

		assertThat(plain.getHeader("Subject", null)).isEqualTo("Welcome to Touchpoints, Ana Smith");
		assertThat(accented.getHeader("Subject", null)).isEqualTo(
				MimeUtility.fold(9, MimeUtility.encodeText("Te damos la bienvenida a Touchpoints, Ana García", "UTF-8", null)));
		assertThat(accented.getSubject()).isEqualTo("Te damos la bienvenida a Touchpoints, Ana García");
	}

	private MimeMessage welcomeEmailTo(String name, String locale) {
		String ref = customers.create(name, locale, "Europe/Madrid");
		jobs.executeAll(customers.purchase(ref, false));
		MimeMessage[] received = smtp.getReceivedMessagesForDomain(Customers.email(ref));
		assertThat(received).hasSize(1);
		return received[0];
	}

}
