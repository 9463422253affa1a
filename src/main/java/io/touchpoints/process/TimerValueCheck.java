package io.touchpoints.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Refuses a new deployment whose timers hold a date, duration or cycle the engine cannot read, naming the file and
 * the timer's event, with the engine's reason. Unchecked, a start event's timer fails the deployment without saying
 * where, and any other timer fails the journey that reaches it. Values given by an expression are evaluated when the
 * timer starts, so only written values are checked. Deployments stored before are loaded again as they are.
 */
@Component
class TimerValueCheck extends AbstractProcessEnginePlugin implements Deployer {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(this);
		configuration.setCustomPreDeployers(preDeployers);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		BusinessCalendarManager calendars = Context.getProcessEngineConfiguration().getBusinessCalendarManager();
		Map<String, List<Problem>> refused = new TreeMap<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			if (Arrays.stream(BpmnDeployer.BPMN_RESOURCE_SUFFIXES).anyMatch(resource.getName()::endsWith)) {
				List<Problem> problems = problemsIn(resource.getBytes(), calendars);
				if (!problems.isEmpty()) {
					refused.put(resource.getName(), problems);
				}
			}
		}
		if (!refused.isEmpty()) {
			throw new TimersRefusedException(refused);
		}
	}

	private static List<Problem> problemsIn(byte[] bpmn, BusinessCalendarManager calendars) {
		List<Problem> problems = new ArrayList<>();
		try {
			for (TimerEventDefinition timer : Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn))
				.getModelElementsByType(TimerEventDefinition.class)) {
				check(timer, "time date", timer.getTimeDate(), TimerDeclarationType.DATE, calendars, problems);
				check(timer, "time duration", timer.getTimeDuration(), TimerDeclarationType.DURATION, calendars, problems);
				check(timer, "time cycle", timer.getTimeCycle(), TimerDeclarationType.CYCLE, calendars, problems);
			}
		}
		catch (ModelException unreadable) {
			// Not a model at all: the engine's parser says where.
		}
		return problems;
	}

	private static void check(TimerEventDefinition timer, String kind, Expression value, TimerDeclarationType type,
			BusinessCalendarManager calendars, List<Problem> problems) {
		String text = value == null || value.getTextContent() == null ? "" : value.getTextContent().strip();
		if (text.isEmpty() || text.contains("${") || text.contains("#{")) {
			return;
		}
		try {
			calendars.getBusinessCalendar(type.calendarName).resolveDuedate(text);
		}
		catch (ProcessEngineException unreadable) {
			String reason = unreadable.getCause() == null ? unreadable.getMessage() : unreadable.getCause().getMessage();
			problems.add(new TimerProblem(describe(timer.getParentElement()) + ": the " + kind + " '" + text
					+ "' cannot be read (" + reason + "); write " + example(type), idOf(timer.getParentElement())));
		}
	}

	private static String example(TimerDeclarationType type) {
		return switch (type) {
			case DATE -> "an ISO 8601 date and time such as 2026-11-23T09:00:00Z";
			case DURATION -> "an ISO 8601 duration such as P7D or PT4H";
			case CYCLE -> "an ISO 8601 repetition such as R3/PT10M, or a cron expression such as 0 0 9 * * ?";
		};
	}

	private static String describe(ModelElementInstance event) {
		String name = event instanceof FlowElement element && element.getName() != null ? " (" + element.getName() + ")" : "";
		return "the timer of '" + idOf(event) + "'" + name;
	}

	private static String idOf(ModelElementInstance element) {
		return element instanceof BaseElement base ? base.getId() : null;
	}

	/** Why one timer cannot be read; the model API knows no lines, so the event's id says where. */
	private record TimerProblem(String reason, String eventId) implements Problem {

		@Override
		public String getMessage() {
			return reason;
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return eventId;
		}

		@Override
		public List<String> getElementIds() {
			return eventId == null ? List.of() : List.of(eventId);
		}

	}

	/** A parse failure, so engine REST answers 400 with a report per file, which Camunda Modeler shows. */
	private static final class TimersRefusedException extends ParseException {

		TimersRefusedException(Map<String, List<Problem>> problemsByResource) {
			super("Deployment refused: " + problemsByResource.entrySet()
				.stream()
				.flatMap(resource -> resource.getValue().stream().map(problem -> "'" + resource.getKey() + "' " + problem.getMessage()))
				.collect(Collectors.joining("; ")), null, List.of(), List.of());
			resorceReports.clear();
			problemsByResource.forEach((resource, problems) -> resorceReports
				.add(new ResourceReportImpl(resource, List.copyOf(problems), List.of())));
		}

	}

}
