package io.touchpoints.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Survey answers as CX ops list them: answered in whole months (UTC), the oldest first. */
@Repository
class SurveyResponses {

	private static final String SELECT = "select c.external_ref, c.name, i.kind, i.stage, i.invited_at, r.answered_at, "
			+ "r.updated_at, r.score, r.comment from survey_response r join survey_invitation i on i.id = r.invitation_id "
			+ "join customer c on c.id = i.customer_id where r.answered_at >= ? and r.answered_at < ? ";

	private final JdbcTemplate jdbc;

	SurveyResponses(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One answer: whose, to which survey, in which stage, when, the score (latest) and the comment. */
	record Answer(String customerRef, String customerName, String survey, String stage, Instant invitedAt,
			Instant answeredAt, Instant updatedAt, int score, String comment) {
	}

	long count(YearMonth first, YearMonth last) {
		return jdbc.queryForObject("select count(*) from survey_response r where r.answered_at >= ? and r.answered_at < ?",
				Long.class, start(first), end(last));
	}

	List<Answer> page(YearMonth first, YearMonth last, int page, int size) {
		return jdbc.query(SELECT + "order by r.answered_at, r.invitation_id offset ? rows fetch next ? rows only",
				SurveyResponses::answer, start(first), end(last), (long) page * size, size);
	}

	/** Every answer of the period, one at a time, without holding them all. */
	void each(YearMonth first, YearMonth last, Consumer<Answer> action) {
		jdbc.query(connection -> {
			var statement = connection.prepareStatement(SELECT + "order by r.answered_at, r.invitation_id");
			statement.setFetchSize(500);
			statement.setTimestamp(1, start(first));
			statement.setTimestamp(2, end(last));
			return statement;
		}, rs -> {
			action.accept(answer(rs, 0));
		});
	}

	private static Timestamp start(YearMonth first) {
		return Timestamp.from(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	private static Timestamp end(YearMonth last) {
		return Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	private static Answer answer(ResultSet rs, int row) throws SQLException {
		return new Answer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
				rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getInt(8), rs.getString(9));
	}

}
