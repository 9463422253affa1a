package io.touchpoints.helpdesk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The support figures of one period, overall and per channel and lifecycle stage, each against its target. */
record SupportFigures(String period, LocalDate start, LocalDate end, Figures overall, Map<String, Figures> byChannel,
		Map<String, Figures> byStage, List<Delight> momentsOfDelight) {

	/** A figure, its target and whether it is met; {@code value} (and {@code met}) null when there is nothing to count. */
	record Figure(Double value, double target, Boolean met) {

		static Figure atLeast(Double value, double target) {
			return new Figure(value, target, value == null ? null : value >= target);
		}

		static Figure atMost(Double value, double target) {
			return new Figure(value, target, value == null ? null : value <= target);
		}

	}

	record Figures(int tickets, Figure firstAnsweredInTime, Figure medianFirstResponseHours,
			Figure firstContactResolution, int liveContacts, Figure medianWaitSeconds, Figure longWaitShare,
			Figure abandonment) {
	}

	/** A moment of delight a CSM recorded on a check-in, and what led to it. */
	record Delight(String customerRef, LocalDate on, String cause) {
	}

}
