package io.touchpoints.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import io.touchpoints.customer.Customer;
import io.touchpoints.customer.Subscriptions;
import io.touchpoints.usage.WeeklyActivities;
import io.touchpoints.usage.WeeklyActivity;

/** Computes a customer's adoption summary from their daily usage, the feature catalogue and their open signals. */
@Service
class AdoptionSummaries {

	static final int SUMMARY_WEEKS = 30;

	private final Subscriptions subscriptions;

	private final WeeklyActivities activities;

	private final AdoptionRules rules;

	private final RaisedSignals raised;

	private final Clock clock;

	AdoptionSummaries(Subscriptions subscriptions, WeeklyActivities activities, AdoptionRules rules, RaisedSignals raised,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.activities = activities;
		this.rules = rules;
		this.raised = raised;
		this.clock = clock;
	}

	AdoptionSummary of(Customer customer) {
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		WeeklyActivity activity = activities.of(List.of(customer.getId()), today, SUMMARY_WEEKS + 1).get(customer.getId());
		LocalDate since = subscriptions.firstActiveStart(customer.getId()).orElse(today);
		List<AdoptionSummary.Week> weeks = new ArrayList<>();
		for (int week = SUMMARY_WEEKS - 1; week >= 0; week--) {
			weeks.add(new AdoptionSummary.Week(activity.weekStart(week), activity.activeDays()[week], activity.logins()[week],
					activity.events()[week], activity.featuresUsed()[week]));
		}
		List<Feature> catalogue = rules.features();
		List<String> sticky = catalogue.stream().filter(Feature::sticky).map(Feature::name).toList();
		long inCatalogueUsed = catalogue.stream().filter(feature -> activity.featuresEverUsed().contains(feature.name())).count();
		AdoptionSummary.Breadth breadth = new AdoptionSummary.Breadth((int) inCatalogueUsed, catalogue.size(),
				catalogue.isEmpty() ? 0 : Math.round(1000.0 * inCatalogueUsed / catalogue.size()) / 1000.0,
				sticky.stream().filter(activity.featuresEverUsed()::contains).toList(),
				sticky.stream().filter(feature -> !activity.featuresEverUsed().contains(feature)).toList());
		int trailing = activity.trailingWeeks(since, SUMMARY_WEEKS);
		AdoptionSummary.Trend trend = new AdoptionSummary.Trend(activity.activeDays()[0],
				tenths(activity.averageActiveDays(trailing)), activity.events()[0], tenths(activity.averageEvents(trailing)),
				trailing);
		List<AdoptionSummary.OpenSignal> open = raised.openOf(customer.getId()).stream()
			.map(signal -> new AdoptionSummary.OpenSignal(signal.signal(), signal.raisedOn(), signal.taskId()))
			.toList();
		return new AdoptionSummary(customer.getExternalRef(), today, weeks, breadth, trend, open);
	}

	private static double tenths(double value) {
		return Math.round(10.0 * value) / 10.0;
	}

}
