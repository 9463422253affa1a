package io.touchpoints.survey;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * NPS of a set of answers (0 to 10) with its 95% interval, by the normal approximation for the difference of two
 * proportions of one multinomial sample: NPS = 100 (P - D), variance = (P + D - (P - D)^2) / n, interval = NPS
 * ± 1.96 × 100 × √variance, kept within [-100, 100].
 */
record NpsFigures(int invitations, int responses, Double responseRate, int promoters, int passives, int detractors,
		Double nps, Interval interval, @JsonIgnore double exactNps, @JsonIgnore double exactHalfWidth) {

	static final String METHOD = "NPS = 100 × (promoters − detractors) / responses. 95% interval: normal approximation for "
			+ "the difference of two proportions of one multinomial sample, NPS ± 1.96 × 100 × √((P + D − (P − D)²) / n), "
			+ "P and D the shares of promoters and detractors, n the responses, kept within [−100, 100]. A stage's "
			+ "figure is enough to judge with at least " + NpsFigures.MINIMUM_RESPONSES + " responses and a half-width of at "
			+ "most 10 points (judged before rounding); with fewer answers it is not enough whatever the interval; with "
			+ "enough, it is below its band only when the whole interval lies below the band.";

	static final int MINIMUM_RESPONSES = 30;

	static final double Z_95 = 1.959964;

	/** The 95% interval of the NPS, in NPS points, as shown: rounded to a tenth and kept within [-100, 100]. */
	record Interval(double low, double high) {
	}

	/** Whether the whole interval, unrounded and unclamped, lies below the band. */
	boolean wholelyBelow(int band) {
		return responses > 0 && exactNps + exactHalfWidth < band;
	}

	/** Whether the figure is enough to judge: enough answers and an interval of at most ±10 points. */
	boolean enoughToJudge() {
		return responses >= MINIMUM_RESPONSES && exactHalfWidth <= 10;
	}

	static NpsFigures of(int invitations, List<Integer> scores) {
		int promoters = (int) scores.stream().filter(score -> score >= 9).count();
		int detractors = (int) scores.stream().filter(score -> score <= 6).count();
		int n = scores.size();
		Double rate = share(n, invitations);
		if (n == 0) {
			return new NpsFigures(invitations, 0, rate, 0, 0, 0, null, null, Double.NaN, Double.NaN);
		}
		double p = (double) promoters / n;
		double d = (double) detractors / n;
		double nps = 100 * (p - d);
		double halfWidth = Z_95 * 100 * Math.sqrt(variance(p, d) / n);
		return new NpsFigures(invitations, n, rate, promoters, n - promoters - detractors, detractors, round(nps, 1),
				new Interval(round(Math.max(-100, nps - halfWidth), 1), round(Math.min(100, nps + halfWidth), 1)), nps, halfWidth);
	}

	/** Responses needed in all for a half-width of 10 points at the observed shares (at least the minimum). */
	int responsesForPlusMinus10() {
		if (responses == 0) {
			return (int) Math.ceil(Z_95 * Z_95 * 100);
		}
		double p = (double) promoters / responses;
		double d = (double) detractors / responses;
		return Math.max(MINIMUM_RESPONSES, (int) Math.ceil(Z_95 * Z_95 * 100 * variance(p, d)));
	}

	private static double variance(double p, double d) {
		return p + d - (p - d) * (p - d);
	}

	/** {@code part} of {@code whole} to four places; null when there is no whole. */
	static Double share(int part, int whole) {
		return whole == 0 ? null : round((double) part / whole, 4);
	}

	static double round(double value, int places) {
		double scale = Math.pow(10, places);
		return Math.round(value * scale) / scale;
	}

}
