package io.touchpoints.survey;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.touchpoints.customer.LifecycleStage;

/**
 * Survey figures over whole months (UTC), each invitation counted in the month it went out with its answer, if
 * any: NPS per lifecycle stage (the stage when invited) and overall, against each stage's band; the satisfaction
 * surveys' means and shares of 4 and 5.
 */
@Service
class SurveyMetrics {

	static final String IN_BAND = "in_band";

	static final String BELOW_BAND = "below_band";

	static final String NOT_ENOUGH = "not_enough_responses";

	private static final Logger log = LoggerFactory.getLogger(SurveyMetrics.class);

	private final JdbcTemplate jdbc;

	private final NpsBands bands;

	private final CallBackFigures callBacks;

	SurveyMetrics(JdbcTemplate jdbc, NpsBands bands, CallBackFigures callBacks) {
		this.jdbc = jdbc;
		this.bands = bands;
		this.callBacks = callBacks;
	}

	/** A stage's NPS over the whole period, its band, and whether the figure says it is in band. */
	record StageFigures(String stage, int band, String status, Integer moreResponsesNeeded, NpsFigures figures) {
	}

	/** One month's NPS, overall and per stage. */
	record Period(String period, NpsFigures overall, Map<String, NpsFigures> stages) {
	}

	/** A 1-to-5 survey: its mean and the share of 4 and 5. */
	record Satisfaction(String survey, int invitations, int responses, Double responseRate, Double mean, int satisfied,
			Double satisfiedShare) {
	}

	record NpsReport(String from, String to, String by, String method, NpsFigures overall, List<StageFigures> stages,
			List<Period> periods, List<Satisfaction> satisfaction, CallBackFigures.ClosingTheLoop closingTheLoop) {
	}

	private record Row(SurveyKind kind, String stage, YearMonth month, Integer score) {

		Row scored(int answer) {
			return new Row(kind, stage, month, answer);
		}

	}

	NpsReport report(YearMonth first, YearMonth last) {
		List<Row> rows = rows(first, last);
		List<Row> nps = npsOnly(rows);
		List<StageFigures> stages = judgedByStage(nps);
		List<Period> periods = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			YearMonth current = month;
			List<Row> monthRows = nps.stream().filter(row -> row.month().equals(current)).toList();
			Map<String, NpsFigures> byStage = new TreeMap<>();
			monthRows.stream().collect(Collectors.groupingBy(Row::stage)).forEach((stage, stageRows) -> byStage.put(stage,
					figures(stageRows)));
			periods.add(new Period(month.toString(), figures(monthRows), byStage));
		}
		List<Satisfaction> satisfaction = List.of(SurveyKind.ONBOARDING, SurveyKind.CSAT).stream()
			.map(kind -> satisfaction(kind, rows.stream().filter(row -> row.kind() == kind).toList()))
			.toList();
		return new NpsReport(first.toString(), last.toString(), "month", NpsFigures.METHOD, figures(nps), stages, periods,
				satisfaction, callBacks.of(first, last));
	}

	/** Each stage's NPS over the months against its band: what the daily band check judges, nothing more. */
	List<StageFigures> stages(YearMonth first, YearMonth last) {
		return judgedByStage(npsOnly(rows(first, last)));
	}

	private static List<Row> npsOnly(List<Row> rows) {
		return rows.stream().filter(row -> row.kind().highest() == 10).toList();
	}

	/**
	 * Every lifecycle stage in the lifecycle's order, those without an invitation in the period too (with their band
	 * and how many answers they need), then any other stage the invitations name.
	 */
	private List<StageFigures> judgedByStage(List<Row> nps) {
		Map<String, List<Row>> rowsByStage = new LinkedHashMap<>();
		Arrays.stream(LifecycleStage.values()).forEach(stage -> rowsByStage.put(stage.value(), new ArrayList<>()));
		nps.forEach(row -> rowsByStage.computeIfAbsent(row.stage(), stage -> new ArrayList<>()).add(row));
		List<StageFigures> stages = new ArrayList<>();
		Map<String, Integer> bandsByStage = bands.lowestFor(rowsByStage.keySet());
		rowsByStage.forEach((stage, stageRows) -> stages.add(judged(stage, bandsByStage.get(stage), figures(stageRows))));
		return stages;
	}

	/**
	 * Every invitation of the months with its score (null: unanswered), counted by the database: invitations and
	 * answers each from an index of their own (an answer carries its invitation's month, kind and stage), one row
	 * per kind, stage, month and score, however many answers there are. Months are told apart by their UTC
	 * boundaries, given as values, which reads the same on every database.
	 */
	private List<Row> rows(YearMonth first, YearMonth last) {
		List<Object> arguments = new ArrayList<>();
		StringBuilder month = new StringBuilder("case");
		int months = 0;
		for (YearMonth next = first.plusMonths(1); !next.isAfter(last); next = next.plusMonths(1)) {
			month.append(" when invited_at < ? then ").append(months++);
			arguments.add(startOf(next));
		}
		String monthIndex = months == 0 ? "0" : month.append(" else ").append(months).append(" end").toString();
		arguments.add(startOf(first));
		arguments.add(startOf(last.plusMonths(1)));
		// One statement, so that invitations and answers are counted in the same snapshot.
		List<Object> both = new ArrayList<>(arguments);
		both.addAll(arguments);
		Map<Row, Integer> unanswered = new LinkedHashMap<>();
		List<Row> rows = new ArrayList<>();
		jdbc.query("select 1 as answers, kind, stage, month_index, score, count(*) from (select kind, stage, " + monthIndex
				+ " as month_index, score from survey_response where invited_at >= ? and invited_at < ?) answered "
				+ "group by kind, stage, month_index, score union all select 0, kind, stage, month_index, null, count(*) "
				+ "from (select kind, stage, " + monthIndex + " as month_index from survey_invitation where invited_at >= ? "
				+ "and invited_at < ?) invited group by kind, stage, month_index", rs -> {
					Row invited = new Row(SurveyKind.of(rs.getString(2)).orElseThrow(), rs.getString(3),
							first.plusMonths(rs.getInt(4)), null);
					int count = rs.getInt(6);
					if (rs.getInt(1) == 1) {
						rows.addAll(Collections.nCopies(count, invited.scored(rs.getInt(5))));
						count = -count;
					}
					unanswered.merge(invited, count, Integer::sum);
				}, both.toArray());
		unanswered.forEach((row, count) -> {
			if (count < 0) {
				log.warn("{} more answers than invitations for {} {} in {}: answers whose invitation's month, kind or stage "
						+ "no longer match it; counted as answered", -count, row.kind().value(), row.stage(), row.month());
			}
			rows.addAll(Collections.nCopies(Math.max(0, count), row));
		});
		return rows;
	}

	private static Timestamp startOf(YearMonth month) {
		return Timestamp.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	private StageFigures judged(String stage, int band, NpsFigures figures) {
		if (figures.responses() < NpsFigures.MINIMUM_RESPONSES) {
			return new StageFigures(stage, band, NOT_ENOUGH, notEnough(figures), figures);
		}
		if (figures.wholelyBelow(band)) {
			return new StageFigures(stage, band, BELOW_BAND, null, figures);
		}
		if (!figures.enoughToJudge()) {
			return new StageFigures(stage, band, NOT_ENOUGH, notEnough(figures), figures);
		}
		return new StageFigures(stage, band, IN_BAND, null, figures);
	}

	private static int notEnough(NpsFigures figures) {
		return Math.max(1, figures.responsesForPlusMinus10() - figures.responses());
	}

	private static NpsFigures figures(List<Row> rows) {
		return NpsFigures.of(rows.size(), scores(rows, score -> true));
	}

	private static Satisfaction satisfaction(SurveyKind kind, List<Row> rows) {
		List<Integer> scores = scores(rows, score -> true);
		int satisfied = scores(rows, score -> score >= 4).size();
		Double mean = scores.isEmpty() ? null
				: NpsFigures.round(scores.stream().mapToInt(Integer::intValue).average().orElseThrow(), 2);
		return new Satisfaction(kind.value(), rows.size(), scores.size(),
				NpsFigures.share(scores.size(), rows.size()), mean, satisfied, NpsFigures.share(satisfied, scores.size()));
	}

	private static List<Integer> scores(List<Row> rows, Predicate<Integer> which) {
		return rows.stream().map(Row::score).filter(score -> score != null && which.test(score)).toList();
	}

}
