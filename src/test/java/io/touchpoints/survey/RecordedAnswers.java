package io.touchpoints.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Survey answers written straight into the store, as the figures read them: test data for the metrics. */
final class RecordedAnswers {

	private RecordedAnswers() {
	}

	/** One invitation per score, sent at {@code at} to a customer in {@code stage}; a null score is left unanswered. */
	static void record(Surveys surveys, long customer, SurveyKind kind, String stage, Instant at, Integer... scores) {
		for (Integer score : scores) {
			String id = UUID.randomUUID().toString();
			SurveyInvitation invitation = new SurveyInvitation(id, customer, kind, stage, null, at, at.plusSeconds(30L * 86400),
					null);
			surveys.invite(invitation);
			if (score != null) {
				surveys.answer(invitation, score, at.plusSeconds(3600));
			}
		}
	}

	/** Pairs of (how many, score). */
	static Integer[] repeat(int... pairs) {
		List<Integer> scores = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			scores.addAll(Collections.nCopies(pairs[i], pairs[i + 1]));
		}
		return scores.toArray(Integer[]::new);
	}

}
