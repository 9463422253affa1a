package io.touchpoints.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.touchpoints.system.AsEngine;
import io.touchpoints.system.Retrying;
import io.touchpoints.timeline.Timeline;

/**
 * Records a customer's answer to an invitation: the first score, a changed score, a comment. One response per
 * invitation, answers to one invitation one at a time (the invitation's row is locked). Usually the response and
 * the dispatch moving on commit together, one commit per click. When the dispatch cannot be told in that
 * transaction (its reminder firing at the same moment, say), the response is committed first on its own, as the
 * truth, and the dispatch is told afterwards; it reads the response itself when its reminder or its closing comes,
 * so an answer whose message is lost still counts.
 */
@Service
class SurveyAnswers {

	static final int COMMENT_LIMIT = 2000;

	private static final Logger log = LoggerFactory.getLogger(SurveyAnswers.class);

	private final Surveys surveys;

	private final Timeline timeline;

	private final TransactionTemplate transaction;

	private final RuntimeService runtimeService;

	private final AsEngine asEngine;

	private final Clock clock;

	SurveyAnswers(Surveys surveys, Timeline timeline, PlatformTransactionManager transactions,
			@Lazy RuntimeService runtimeService, AsEngine asEngine, Clock clock) {
		this.surveys = surveys;
		this.timeline = timeline;
		this.transaction = new TransactionTemplate(transactions);
		this.runtimeService = runtimeService;
		this.asEngine = asEngine;
		this.clock = clock;
	}

	/** Why an answer was not recorded. */
	enum Refusal {
		UNKNOWN, EXPIRED, SCORE_OUT_OF_SCALE
	}

	/** What became of an answer: the response as recorded, or why nothing was; the customer's locale for the page. */
	record Outcome(SurveyInvitation invitation, SurveyResponse response, String locale, Refusal refusal) {

		static Outcome refused(Refusal refusal, Surveys.State state) {
			return state == null ? new Outcome(null, null, null, refusal)
					: new Outcome(state.invitation(), null, state.locale(), refusal);
		}

		boolean recorded() {
			return refusal == null;
		}

	}

	/** The invitation a link names, and its response if there is one, as they stand. */
	Outcome current(String invitationId) {
		Optional<Surveys.State> state = surveys.state(invitationId);
		if (state.isEmpty()) {
			return Outcome.refused(Refusal.UNKNOWN, null);
		}
		if (state.get().invitation().expiredAt(clock.instant())) {
			return Outcome.refused(Refusal.EXPIRED, state.get());
		}
		return new Outcome(state.get().invitation(), state.get().response(), state.get().locale(), null);
	}

	/**
	 * Records the score, and the comment unless it is null (a blank comment removes the one given before).
	 * The comment must already be checked ({@link #commentProblem}).
	 */
	Outcome answer(String invitationId, int score, String comment) {
		try {
			return transaction.execute(status -> {
				Outcome outcome = record(invitationId, score, comment);
				if (outcome.recorded()) {
					tell(outcome.invitation(), outcome.response());
				}
				return outcome;
			});
		}
		catch (RuntimeException notTogether) {
			// Nothing of the first attempt committed: the answer on its own first, then the dispatch, retried.
			log.debug("Answer to survey invitation {} and its dispatch could not commit together; recording it first",
					invitationId, notTogether);
			Outcome outcome = transaction.execute(status -> record(invitationId, score, comment));
			if (outcome.recorded()) {
				tellTheDispatch(outcome.invitation());
			}
			return outcome;
		}
	}

	/** What is wrong with a comment, in words for the customer's page; empty when nothing. */
	static Optional<String> commentProblem(String comment) {
		if (comment == null) {
			return Optional.empty();
		}
		if (comment.length() > COMMENT_LIMIT) {
			return Optional.of("too-long");
		}
		return comment.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
				? Optional.of("control-characters") : Optional.empty();
	}

	private Outcome record(String invitationId, int score, String comment) {
		Optional<Surveys.State> locked = surveys.lock(invitationId).flatMap(invitation -> surveys.state(invitationId));
		if (locked.isEmpty()) {
			return Outcome.refused(Refusal.UNKNOWN, null);
		}
		SurveyInvitation invitation = locked.get().invitation();
		Instant now = clock.instant();
		if (invitation.expiredAt(now)) {
			return Outcome.refused(Refusal.EXPIRED, locked.get());
		}
		if (!invitation.kind().accepts(score)) {
			return Outcome.refused(Refusal.SCORE_OUT_OF_SCALE, locked.get());
		}
		Optional<SurveyResponse> before = Optional.ofNullable(locked.get().response());
		surveys.answer(invitation, score, now);
		String kind = invitation.kind().value();
		if (before.isEmpty()) {
			note(invitation, "Answered the '" + kind + "' survey: " + score + " (scale " + invitation.kind().lowest() + "–"
					+ invitation.kind().highest() + ")", null);
		}
		else if (before.get().score() != score) {
			note(invitation, "Changed the '" + kind + "' survey answer from " + before.get().score() + " to " + score, null);
		}
		String normalized = comment == null ? null : comment.replace("\r\n", "\n").strip();
		String previous = before.map(SurveyResponse::comment).orElse(null);
		String commented = previous;
		if (normalized != null && !normalized.equals(previous == null ? "" : previous)) {
			commented = normalized.isEmpty() ? null : normalized;
			surveys.comment(invitationId, commented);
			note(invitation, normalized.isEmpty() ? "Removed the comment on the '" + kind + "' survey"
					: "Commented on the '" + kind + "' survey", commented);
		}
		SurveyResponse response = new SurveyResponse(invitationId, score, commented,
				before.map(SurveyResponse::answeredAt).orElse(now), now);
		return new Outcome(invitation, response, locked.get().locale(), null);
	}

	private void note(SurveyInvitation invitation, String summary, String detail) {
		timeline.record(Timeline.Entry.of(invitation.customerId(), SurveyProcess.TIMELINE_ANSWERED, summary)
			.detail(detail)
			.actor("customer")
			.processInstance(invitation.processInstanceId()));
	}

	/**
	 * Moves a dispatch that waits for the answer on; a dispatch that has moved on already (its call back open, say)
	 * gets the answer as it now stands, so that the task's form shows a comment written after the click.
	 */
	private void tellTheDispatch(SurveyInvitation invitation) {
		String processInstanceId = invitation.processInstanceId();
		if (processInstanceId == null) {
			return;
		}
		try {
			// Read again on every attempt: a later answer may have committed meanwhile, and the latest must win.
			Retrying.onConcurrentWrite(() -> tell(invitation, surveys.response(invitation.id()).orElseThrow()),
					OptimisticLockingException.class);
		}
		catch (NullValueException ended) {
			// The dispatch ended between the look and the write: nothing waits for this answer any more.
		}
		catch (RuntimeException e) {
			log.warn("The answer to survey invitation {} is recorded but did not reach its dispatch (process instance {}); "
					+ "the dispatch reads it at its reminder or closing", invitation.id(), processInstanceId, e);
		}
	}


	/**
	 * Moves the dispatch on with the response as it stands, or updates a dispatch that moved on already; in the
	 * caller's transaction.
	 */
	private int tell(SurveyInvitation invitation, SurveyResponse response) {
		String processInstanceId = invitation.processInstanceId();
		if (processInstanceId == null) {
			return 0;
		}
		return asEngine.callAsService(() -> {
			int moved = runtimeService.createMessageCorrelation(SurveyProcess.ANSWERED_MESSAGE)
				.processInstanceId(processInstanceId)
				.setVariable(SurveyProcess.ANSWERED, true)
				.setVariable(SurveyProcess.SCORE, response.score())
				.correlateAllWithResult()
				.size();
			if (moved == 0 && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
				runtimeService.setVariables(processInstanceId, Map.of(SurveyProcess.SCORE, response.score(),
						SurveyProcess.COMMENT, response.comment() == null ? "" : response.comment(),
						SurveyProcess.HAS_COMMENT, response.comment() != null));
			}
			return moved;
		});
	}

}
