package io.touchpoints.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Survey invitations and their responses, one response per invitation. */
@Repository
class Surveys {

	private static final String INVITATION = "select id, customer_id, kind, stage, process_instance_id, invited_at, "
			+ "expires_at, reminded_at from survey_invitation ";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	Surveys(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** When the customer was last invited to any survey, to one of this kind, and to one of another kind; empty when never. */
	record History(Optional<Instant> lastSurvey, Optional<Instant> lastOfKind, Optional<Instant> lastOfOtherKind) {
	}

	/**
	 * Takes the customer's survey lock until the transaction ends: surveys about to go to one customer are sent one
	 * after the other, each seeing the ones before. A row of its own, which no other table references: on
	 * PostgreSQL a lock on the customer's row would block every insert that refers to the customer.
	 */
	void lockCustomer(long customerId) {
		if (jdbc.queryForList("select customer_id from survey_lock where customer_id = ? for update", Long.class,
				customerId).isEmpty()) {
			try {
				ownTransaction.executeWithoutResult(status -> jdbc.update("insert into survey_lock (customer_id) values (?)",
						customerId));
			}
			catch (DuplicateKeyException anotherWasFirst) {
				// Created by a concurrent sender; lock it below all the same.
			}
			jdbc.queryForList("select customer_id from survey_lock where customer_id = ? for update", Long.class, customerId);
		}
	}

	void invite(SurveyInvitation invitation) {
		jdbc.update("insert into survey_invitation (id, customer_id, kind, stage, process_instance_id, invited_at, expires_at) "
				+ "select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from survey_invitation where id = ?)", invitation.id(),
				invitation.customerId(), invitation.kind().value(), invitation.stage(), invitation.processInstanceId(),
				Timestamp.from(invitation.invitedAt()), Timestamp.from(invitation.expiresAt()), invitation.id());
	}

	/** Forgets an invitation whose email was not sent (the customer opted out meanwhile, or the cap skipped it). */
	void withdraw(String invitationId) {
		jdbc.update("delete from survey_invitation where id = ? and not exists "
				+ "(select 1 from survey_response where invitation_id = ?)", invitationId, invitationId);
	}

	Optional<SurveyInvitation> find(String invitationId) {
		return jdbc.query(INVITATION + "where id = ?", Surveys::invitation, invitationId).stream().findFirst();
	}

	/** The invitation, locked until the transaction ends: answers to one invitation are recorded one at a time. */
	Optional<SurveyInvitation> lock(String invitationId) {
		return jdbc.query(INVITATION + "where id = ? for update", Surveys::invitation, invitationId).stream().findFirst();
	}

	/** An invitation as its pages show it: with its response, if any, and the customer's locale. */
	record State(SurveyInvitation invitation, SurveyResponse response, String locale) {
	}

	/** The invitation, its response and the customer's locale in one statement: a survey page's only read. */
	Optional<State> state(String invitationId) {
		return jdbc.query("select i.id, i.customer_id, i.kind, i.stage, i.process_instance_id, i.invited_at, i.expires_at, "
				+ "i.reminded_at, r.score, r.comment, r.answered_at, r.updated_at, c.locale from survey_invitation i "
				+ "join customer c on c.id = i.customer_id left join survey_response r on r.invitation_id = i.id where i.id = ?",
				(rs, row) -> new State(invitation(rs, row), rs.getTimestamp(11) == null ? null
						: new SurveyResponse(rs.getString(1), rs.getInt(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
								rs.getTimestamp(12).toInstant()), rs.getString(13)), invitationId)
			.stream()
			.findFirst();
	}

	Optional<SurveyResponse> response(String invitationId) {
		return jdbc.query("select invitation_id, score, comment, answered_at, updated_at from survey_response "
				+ "where invitation_id = ?", (rs, row) -> new SurveyResponse(rs.getString(1), rs.getInt(2), rs.getString(3),
						rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()), invitationId)
			.stream()
			.findFirst();
	}

	History history(long customerId, SurveyKind kind) {
		return jdbc.queryForObject("select max(invited_at), max(case when kind = ? then invited_at end), "
				+ "max(case when kind <> ? then invited_at end) from survey_invitation where customer_id = ?",
				(rs, row) -> new History(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))),
				kind.value(), kind.value(), customerId);
	}

	/** The invitation's month, kind and stage go with the answer: the figures count answers without a join. */
	void answer(SurveyInvitation invitation, int score, Instant at) {
		if (jdbc.update("update survey_response set score = ?, updated_at = ? where invitation_id = ?", score,
				Timestamp.from(at), invitation.id()) == 0) {
			jdbc.update("insert into survey_response (invitation_id, score, answered_at, updated_at, invited_at, kind, stage) "
					+ "values (?, ?, ?, ?, ?, ?, ?)", invitation.id(), score, Timestamp.from(at), Timestamp.from(at),
					Timestamp.from(invitation.invitedAt()), invitation.kind().value(), invitation.stage());
		}
	}

	void comment(String invitationId, String comment) {
		jdbc.update("update survey_response set comment = ? where invitation_id = ?", comment, invitationId);
	}

	void reminded(String invitationId, Instant at) {
		jdbc.update("update survey_invitation set reminded_at = ? where id = ?", Timestamp.from(at), invitationId);
	}

	/** An invitation with its answer. */
	record Answer(SurveyInvitation invitation, SurveyResponse response) {
	}

	/** The customer's answered surveys, the latest answer first. */
	List<Answer> answersOf(long customerId) {
		return jdbc.query("select i.id, i.customer_id, i.kind, i.stage, i.process_instance_id, i.invited_at, i.expires_at, "
				+ "i.reminded_at, r.score, r.comment, r.answered_at, r.updated_at from survey_invitation i "
				+ "join survey_response r on r.invitation_id = i.id where i.customer_id = ? order by r.answered_at desc",
				(rs, row) -> new Answer(invitation(rs, row), new SurveyResponse(rs.getString(1), rs.getInt(9), rs.getString(10),
						rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant())), customerId);
	}

	private static Optional<Instant> instant(Timestamp timestamp) {
		return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
	}

	private static SurveyInvitation invitation(ResultSet rs, int row) throws SQLException {
		Timestamp reminded = rs.getTimestamp(8);
		return new SurveyInvitation(rs.getString(1), rs.getLong(2), SurveyKind.of(rs.getString(3)).orElseThrow(),
				rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
				reminded == null ? null : reminded.toInstant());
	}

}
