package io.touchpoints.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.process.DelegateInputs;
import io.touchpoints.process.ModelNames;
import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.system.TouchpointsProperties;

/**
 * Judges every lifecycle stage's NPS over the last {@code window} (whole months, this one included: {@code P3M} is
 * this month and the two before) against its band, as {@code GET /api/metrics/nps} does. A stage below its band
 * starts {@code nps-below-band} (a task and an email for cx-ops) once, until it is back in band (at least 30
 * answers and the NPS itself at or above the band); a stage without enough answers changes nothing. Writes {@code stagesRaised} and {@code stagesCleared} (comma-separated) for the
 * history.
 */
@ModelBean
@Component("checkNpsBandsDelegate")
class CheckNpsBandsDelegate implements JavaDelegate {

	static final String WINDOW = "window";

	private final SurveyMetrics metrics;

	private final NpsBandAlerts alerts;

	private final RuntimeService runtimeService;

	private final Clock clock;

	private final String tasklist;

	CheckNpsBandsDelegate(SurveyMetrics metrics, NpsBandAlerts alerts, @Lazy RuntimeService runtimeService, Clock clock,
			TouchpointsProperties properties) {
		this.metrics = metrics;
		this.alerts = alerts;
		this.runtimeService = runtimeService;
		this.clock = clock;
		this.tasklist = properties.tasklistUrl();
	}

	@Override
	public void execute(DelegateExecution execution) {
		int months = months(execution);
		Instant now = clock.instant();
		YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
		YearMonth first = last.minusMonths(months - 1L);
		List<String> raised = new ArrayList<>();
		List<String> cleared = new ArrayList<>();
		for (SurveyMetrics.StageFigures stage : metrics.stages(first, last)) {
			if (SurveyMetrics.BELOW_BAND.equals(stage.status()) && alerts.open(stage.stage(), now)) {
				alerts.raisedBy(stage.stage(), raise(stage, first, last));
				raised.add(stage.stage());
			}
			else if (backInBand(stage) && alerts.clear(stage.stage(), now)) {
				cleared.add(stage.stage());
			}
		}
		execution.setVariable("stagesRaised", String.join(",", raised));
		execution.setVariable("stagesCleared", String.join(",", cleared));
	}

	/**
	 * Back in band: with enough answers to be read at all, the NPS itself at or above the band. Raising needs the
	 * whole interval below it; between the two the alert stays as it is, so a stage near its band does not flap.
	 */
	private static boolean backInBand(SurveyMetrics.StageFigures stage) {
		NpsFigures figures = stage.figures();
		return figures.responses() >= NpsFigures.MINIMUM_RESPONSES && figures.exactNps() >= stage.band();
	}

	private String raise(SurveyMetrics.StageFigures stage, YearMonth first, YearMonth last) {
		NpsFigures figures = stage.figures();
		Map<String, Object> variables = new HashMap<>();
		variables.put("npsStage", stage.stage());
		variables.put("npsScore", figures.nps());
		variables.put("npsLow", figures.interval().low());
		variables.put("npsHigh", figures.interval().high());
		variables.put("npsBand", stage.band());
		variables.put("npsResponses", figures.responses());
		variables.put("npsPeriod", first.equals(last) ? first.toString() : first + " to " + last);
		variables.put("npsSummary", "NPS %s (95%% interval %s to %s) from %d answers in %s, against a band of %d"
			.formatted(figures.nps(), figures.interval().low(), figures.interval().high(), figures.responses(),
					variables.get("npsPeriod"), stage.band()));
		variables.put("taskName", "NPS below band in " + stage.stage() + ": " + variables.get("npsSummary"));
		variables.put("taskLink", tasklist);
		return runtimeService.startProcessInstanceByKey(ModelNames.NPS_BELOW_BAND, variables).getId();
	}

	private static int months(DelegateExecution execution) {
		String value = DelegateInputs.required(execution, WINDOW);
		try {
			Period period = Period.parse(value);
			long months = period.toTotalMonths();
			if (period.getDays() != 0 || months < 1 || months > 24) {
				throw new IllegalArgumentException(problem(execution, value));
			}
			return (int) months;
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(problem(execution, value), e);
		}
	}

	private static String problem(DelegateExecution execution, String value) {
		return "Service task '" + execution.getCurrentActivityName() + "': input parameter '" + WINDOW
				+ "' must be whole months from P1M to P24M (this month and the ones before), not '" + value + "'";
	}

}
