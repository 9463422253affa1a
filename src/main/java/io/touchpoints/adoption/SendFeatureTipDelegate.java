package io.touchpoints.adoption;

import static io.touchpoints.process.DelegateInputs.requiredInt;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.Subscriptions;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.touchpoint.CustomerEmail;
import io.touchpoints.touchpoint.CustomerEmails;
import io.touchpoints.touchpoint.OnCap;
import io.touchpoints.usage.WeeklyActivities;

/**
 * Sends this week's feature tip: the most valuable feature of {@code feature-tips.dmn} whose earliest day the
 * subscription has reached, that the customer has not used and has not been told about yet, with its tip template,
 * once (skipped when the weekly cap is reached; deferred to the customer's daytime like every email). Writes
 * {@code tipFeature} (null: no tip this week), {@code tippedFeatures} (those told about so far), {@code emailOutcome}
 * and {@code tipsOver}: every sticky feature is in use, every feature is used or told about, or the subscription is
 * {@code lastTipDay} days old.
 */
@ModelBean
@Component("sendFeatureTipDelegate")
class SendFeatureTipDelegate implements JavaDelegate {

	static final String TIPPED = "tippedFeatures";

	private final CustomerRegistry customers;

	private final Subscriptions subscriptions;

	private final WeeklyActivities activities;

	private final AdoptionRules rules;

	private final CustomerEmails emails;

	private final Clock clock;

	SendFeatureTipDelegate(CustomerRegistry customers, Subscriptions subscriptions, WeeklyActivities activities,
			AdoptionRules rules, CustomerEmails emails, Clock clock) {
		this.emails = emails;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.activities = activities;
		this.rules = rules;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int lastTipDay = requiredInt(execution, "lastTipDay");
		Customer customer = customers.require(execution.getProcessBusinessKey(), "business key");
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate since = subscriptions.firstActiveStart(customer.getId()).orElse(today);
		int day = (int) ChronoUnit.DAYS.between(since, today);
		Set<String> used = activities.of(List.of(customer.getId()), today, 1).get(customer.getId()).featuresEverUsed();
		List<String> tipped = new ArrayList<>(tippedSoFar(execution));
		List<Feature> catalogue = rules.features();
		boolean stickyAllUsed = catalogue.stream().filter(Feature::sticky).allMatch(feature -> used.contains(feature.name()));
		Optional<Feature> tip = stickyAllUsed || day > lastTipDay ? Optional.empty()
				: rules.features(day).stream()
					.filter(feature -> !used.contains(feature.name()) && !tipped.contains(feature.name()))
					.findFirst();
		tip.ifPresent(feature -> tipped.add(feature.name()));
		boolean nothingLeft = catalogue.stream().allMatch(feature -> used.contains(feature.name()) || tipped.contains(feature.name()));
		execution.setVariable("tipFeature", tip.map(Feature::name).orElse(null));
		tip.ifPresent(feature -> execution.setVariable("emailOutcome", emails.send(CustomerEmail
			.of(customer.getExternalRef(), feature.tipTemplate(), "feature-tip:" + execution.getProcessInstanceId() + ":"
					+ feature.name())
			.onCap(OnCap.SKIP)
			.fromProcess(execution.getProcessInstanceId(), execution.getVariables())).name().toLowerCase(Locale.ROOT)));
		execution.setVariable(TIPPED, String.join(",", tipped));
		execution.setVariable("tipsOver", stickyAllUsed || nothingLeft || day >= lastTipDay);
	}

	private static List<String> tippedSoFar(DelegateExecution execution) {
		Object value = execution.getVariable(TIPPED);
		return value == null || value.toString().isBlank() ? List.of() : Arrays.asList(value.toString().split(","));
	}

}
