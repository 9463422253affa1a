package io.touchpoints.touchpoint;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/** Which email categories a customer has opted out of; {@code all} stands for every optional category. */
@Service
class Consent {

	static final String ALL = "all";

	private final JdbcTemplate jdbc;

	private final Timeline timeline;

	private final Clock clock;

	Consent(JdbcTemplate jdbc, Timeline timeline, Clock clock) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.clock = clock;
	}

	/** A customer's choices: the categories they opted out of and whether they opted out of everything. */
	record Preferences(Set<EmailCategory> optedOut, boolean everything) {

		boolean allows(EmailCategory category) {
			return !category.isOptional() || !(everything || optedOut.contains(category));
		}

	}

	Preferences of(long customerId) {
		Set<String> rows = Set.copyOf(
				jdbc.queryForList("select category from email_opt_out where customer_id = ?", String.class, customerId));
		Set<EmailCategory> categories = rows.stream()
			.map(EmailCategory::of)
			.flatMap(Optional::stream)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(EmailCategory.class)));
		return new Preferences(categories, rows.contains(ALL));
	}

	@Transactional
	void optOut(long customerId, EmailCategory category, String how) {
		Preferences current = of(customerId);
		if (!current.allows(category)) {
			return;
		}
		Set<EmailCategory> optedOut = EnumSet.of(category);
		optedOut.addAll(current.optedOut());
		change(customerId, new Preferences(optedOut, current.everything()), how);
	}

	@Transactional
	void change(long customerId, Preferences wanted, String how) {
		Preferences current = of(customerId);
		if (current.equals(wanted)) {
			return;
		}
		jdbc.update("delete from email_opt_out where customer_id = ?", customerId);
		Timestamp now = Timestamp.from(clock.instant());
		for (EmailCategory category : wanted.optedOut()) {
			jdbc.update("insert into email_opt_out (customer_id, category, opted_out_at) values (?, ?, ?)", customerId,
					category.value(), now);
		}
		if (wanted.everything()) {
			jdbc.update("insert into email_opt_out (customer_id, category, opted_out_at) values (?, ?, ?)", customerId,
					ALL, now);
		}
		timeline.record(Timeline.Entry.of(customerId, TimelineKind.PREFERENCES_CHANGED, describe(wanted)).detail(how)
			.actor("customer"));
	}

	private static String describe(Preferences preferences) {
		if (preferences.everything()) {
			return "Opted out of all optional emails";
		}
		if (preferences.optedOut().isEmpty()) {
			return "Receives all emails";
		}
		return "Opted out of " + preferences.optedOut().stream().map(EmailCategory::value).sorted()
			.collect(Collectors.joining(", ")) + " emails";
	}

}
