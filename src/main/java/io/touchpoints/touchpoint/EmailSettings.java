package io.touchpoints.touchpoint;


import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.text.NumberFormat;
import java.time.LocalTime;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.touchpoints.system.ContentFolders;

/**
 * Where mail templates live ({@code touchpoints.templates-dir}; unset: {@code ./templates} when there is one, else
 * the templates bundled in the service), how and when customers are emailed, and the plan catalogue: billing reports
 * plan ids ({@code pro}), emails show names ({@code touchpoints.plans.pro: Pro}), and amounts in the billing
 * currency ({@code touchpoints.currency}, ISO 4217).
 */
@ConfigurationProperties("touchpoints")
public record EmailSettings(Path templatesDir, @DefaultValue Mail mail, @DefaultValue Map<String, String> plans,
		@DefaultValue("EUR") Currency currency) {

	/** The plan's name as customers know it ({@code touchpoints.plans.<id>}); its id when the catalogue lacks it. */
	public String planName(String planId) {
		return plans == null ? planId : plans.getOrDefault(planId, planId);
	}


	/**
	 * An annual value as customers read it in their language ("€12,000.00", "12.000,00 €"); when billing has not
	 * reported it, words that still make the sentence ("as on your current invoice").
	 */
	public String amount(BigDecimal value, Locale language) {
		if (value == null) {
			return switch (language.getLanguage()) {
				case "es" -> "el de tu factura actual";
				case "fr" -> "celui de votre facture actuelle";
				default -> "as on your current invoice";
			};
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(language.getCountry().isEmpty()
				? Locale.forLanguageTag(language.getLanguage() + "-" + defaultCountry(language.getLanguage())) : language);
		format.setCurrency(currency);
		return format.format(value);
	}

	// A currency's symbol and its place follow a country's customs; a bare language takes its most common ones.
	private static String defaultCountry(String language) {
		return switch (language) {
			case "es" -> "ES";
			case "fr" -> "FR";
			default -> "US";
		};
	}

	public Path templatesFolder() {
		return ContentFolders.resolve(templatesDir, "templates", "TOUCHPOINTS_TEMPLATES_DIR");
	}

	public record Mail(
			@DefaultValue("Touchpoints <no-reply@touchpoints.local>") String from,
			/**
			 * Where a customer's answer goes (Reply-To, and the organizer of calendar invitations): a mailbox people
			 * read, since emails invite customers to reply.
			 */
			@DefaultValue("Customer success <success@touchpoints.local>") String replyTo,
			/** Customers are emailed only inside this window of their own local time. */
			@DefaultValue("08:00") LocalTime sendWindowStart,
			@DefaultValue("20:00") LocalTime sendWindowEnd,
			/** At most this many non-service emails per customer within {@link #frequencyCapPeriod}. */
			@DefaultValue("3") int frequencyCap,
			@DefaultValue("P7D") Duration frequencyCapPeriod,
			/** Signs unsubscribe links; generated once and shared through the database when not set. */
			String linkSecret,
			/** Addresses of the teams that internal notifications go to, by Camunda group id. */
			@DefaultValue Map<String, String> teamAddresses,
			/** Where promoters are invited to review us ({@code {{links.review}}}); unset: the service's own address. */
			URI reviewUrl,
			/** Where promoters are invited to refer someone ({@code {{links.referral}}}); unset: the service's own address. */
			URI referralUrl) {
	}

}
