package io.touchpoints.survey;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The surveys the lifecycle sends: each asks one question on its scale, with its own mail template (and that
 * template followed by {@code -reminder} for the reminder). The names are what models write as {@code surveyKind}.
 */
enum SurveyKind {

	ONBOARDING("onboarding", 1, 5, "survey-onboarding"),
	NPS("nps", 0, 10, "survey-nps"),
	RELATIONSHIP_NPS("relationship-nps", 0, 10, "survey-nps"),
	CSAT("csat", 1, 5, "survey-csat");

	private final String value;

	private final int lowest;

	private final int highest;

	private final String template;

	SurveyKind(String value, int lowest, int highest, String template) {
		this.value = value;
		this.lowest = lowest;
		this.highest = highest;
		this.template = template;
	}

	String value() {
		return value;
	}

	int lowest() {
		return lowest;
	}

	int highest() {
		return highest;
	}

	boolean accepts(int score) {
		return score >= lowest && score <= highest;
	}

	String template() {
		return template;
	}

	String reminderTemplate() {
		return template + "-reminder";
	}

	static Optional<SurveyKind> of(String value) {
		return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
	}

	static String names() {
		return Arrays.stream(values()).map(SurveyKind::value).collect(Collectors.joining(", "));
	}

}
