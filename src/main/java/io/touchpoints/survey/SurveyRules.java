package io.touchpoints.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.Customer;
import io.touchpoints.helpdesk.OpenTickets;
import io.touchpoints.system.AsEngine;
import io.touchpoints.touchpoint.CustomerEmails;
import io.touchpoints.touchpoint.EmailCategory;

/**
 * What {@code survey-rules.dmn} decides on, and its answer: the model's business rule task asks when the lifecycle
 * calls for a survey; {@link SendSurveyDelegate} asks again under the customer's survey lock just before sending,
 * because another survey may have gone out since (two decided at once, both waiting for the customer's morning).
 */
@Component
class SurveyRules {

	static final String DECISION = "survey-rules";

	private final Surveys surveys;

	private final OpenTickets tickets;

	private final CustomerEmails emails;

	private final DecisionService decisions;

	private final AsEngine asEngine;

	private final Clock clock;

	SurveyRules(Surveys surveys, OpenTickets tickets, CustomerEmails emails, @Lazy DecisionService decisions,
			AsEngine asEngine, Clock clock) {
		this.surveys = surveys;
		this.tickets = tickets;
		this.emails = emails;
		this.decisions = decisions;
		this.asEngine = asEngine;
		this.clock = clock;
	}

	/**
	 * The decision's inputs besides the survey kind: whole days since the customer's last survey invitation of any
	 * kind, of this kind and of another kind (null when never), whether a ticket of theirs is open, whether they opted
	 * out, their stage.
	 */
	Map<String, Object> inputs(Customer customer, SurveyKind kind) {
		Instant now = clock.instant();
		Surveys.History history = surveys.history(customer.getId(), kind);
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("daysSinceLastSurvey", history.lastSurvey().map(last -> days(last, now)).orElse(null));
		inputs.put("daysSinceLastOfKind", history.lastOfKind().map(last -> days(last, now)).orElse(null));
		inputs.put("daysSinceLastOtherKind", history.lastOfOtherKind().map(last -> days(last, now)).orElse(null));
		inputs.put("openTicket", tickets.any(customer.getId()));
		inputs.put("optedOut", emails.optedOut(customer.getId(), EmailCategory.SURVEYS));
		inputs.put("customerStage", customer.getStage().value());
		return inputs;
	}

	/** Why the survey may not be sent now, in the table's words; empty when it may. */
	Optional<String> refusal(Customer customer, SurveyKind kind) {
		Map<String, Object> inputs = inputs(customer, kind);
		inputs.put(SurveyProcess.KIND, kind.value());
		DmnDecisionResultEntries row = asEngine.call(() -> decisions.evaluateDecisionByKey(DECISION)
			.variables(inputs)
			.evaluate()
			.getFirstResult());
		return Optional.ofNullable(row == null ? null : row.getSingleEntry()).map(Object::toString);
	}

	private static Integer days(Instant last, Instant now) {
		return (int) Duration.between(last, now).toDays();
	}

}
