package io.touchpoints.touchpoint;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.touchpoints.process.ProcessVariables;

/**
 * The variables a mail template may use. Start-up validation refuses a template naming anything else, so a typo
 * is found when the service starts rather than when the email is due.
 */
final class TemplateVariables {

	static final String PROCESS_PREFIX = "process.";

	static final String PREFERENCES_LINK = "links.preferences";

	static final Set<String> CUSTOMER = Set.of("customer.name", "customer.email", "customer.externalRef",
			"customer.tier", "customer.stage");

	/** The journey's subscription (its {@code purchaseId}), else the customer's latest. */
	static final Set<String> SUBSCRIPTION = Set.of("subscription.plan", "subscription.purchaseId",
			"subscription.startDate", "subscription.renewalDate", "subscription.annualValue");

	static final Set<String> LINKS = Set.of("links.home", PREFERENCES_LINK, "links.review", "links.referral");

	/** Provided by check-in invitations and their updates. */
	static final Set<String> CHECK_IN = Set.of("checkIn.topic", "checkIn.date", "checkIn.time", "checkIn.timeZone",
			"checkIn.durationMinutes");

	/** Provided by notifications about a task (escalations). */
	static final Set<String> TASK = Set.of("task.name", "task.dueDate", "task.candidateGroup", "task.link",
			"task.customerName");

	/** Provided by survey invitations and reminders: a one-click link per score (0 to 10) and the last day they work. */
	static final Set<String> SURVEY = Stream
		.concat(IntStream.rangeClosed(0, 10).mapToObj(score -> "survey.score" + score), Stream.of("survey.validUntil"))
		.collect(Collectors.toUnmodifiableSet());

	static final Set<String> ALL = Stream
		.of(CUSTOMER, SUBSCRIPTION, LINKS, CHECK_IN, TASK, SURVEY,
				ProcessVariables.FOR_TEMPLATES.stream().map(name -> PROCESS_PREFIX + name).collect(Collectors.toSet()))
		.flatMap(Set::stream)
		.collect(Collectors.toCollection(TreeSet::new));

	private TemplateVariables() {
	}

}
