package io.touchpoints.survey;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AsEngine;

/**
 * Closing the loop, from the engine's history: the call backs created in whole months (UTC), how many were done
 * within 48 hours of the answer's task, the median time to do one, and what the people recorded.
 */
@Component
class CallBackFigures {

	static final Duration PROMISE = Duration.ofHours(48);

	private static final String TASK = "UserTask_CallBack";

	private final HistoryService history;

	private final AsEngine asEngine;

	CallBackFigures(@Lazy HistoryService history, AsEngine asEngine) {
		this.history = history;
		this.asEngine = asEngine;
	}

	/** The call backs of the period and what became of them. */
	record ClosingTheLoop(int callBacks, int done, int open, int doneWithin48Hours, Double doneWithin48HoursShare,
			Double medianHoursToCallBack, int reached, int notReached, int resolved, Map<String, Long> rootCauses) {
	}

	ClosingTheLoop of(YearMonth first, YearMonth last) {
		return asEngine.call(() -> {
			List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
				.processDefinitionKey(SurveyProcess.DISPATCH)
				.taskDefinitionKey(TASK)
				.startedAfter(new Date(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1))
				.startedBefore(Date.from(last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
				.list();
			List<HistoricTaskInstance> done = tasks.stream()
				.filter(task -> task.getEndTime() != null && "completed".equals(task.getDeleteReason()))
				.toList();
			List<Double> hours = done.stream()
				.map(task -> (task.getEndTime().getTime() - task.getStartTime().getTime()) / 3_600_000.0)
				.sorted()
				.toList();
			int within = (int) hours.stream().filter(h -> h <= PROMISE.toHours()).count();
			List<String> instances = done.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct().toList();
			List<HistoricVariableInstance> variables = instances.isEmpty() ? List.of()
					: history.createHistoricVariableInstanceQuery()
						.processInstanceIdIn(instances.toArray(String[]::new))
						.variableNameIn("reached", "resolved", "rootCause")
						.list();
			int reached = count(variables, "reached", "yes");
			int notReached = count(variables, "reached", "no");
			int resolved = count(variables, "resolved", Boolean.TRUE);
			Map<String, Long> causes = variables.stream()
				.filter(variable -> variable.getName().equals("rootCause") && variable.getValue() != null)
				.collect(Collectors.groupingBy(variable -> variable.getValue().toString(), TreeMap::new, Collectors.counting()));
			return new ClosingTheLoop(tasks.size(), done.size(), (int) tasks.stream().filter(task -> task.getEndTime() == null).count(),
					within, NpsFigures.share(within, tasks.size()), median(hours),
					reached, notReached, resolved, causes);
		});
	}

	private static int count(List<HistoricVariableInstance> variables, String name, Object value) {
		return (int) variables.stream().filter(variable -> variable.getName().equals(name) && value.equals(variable.getValue())).count();
	}

	private static Double median(List<Double> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		double value = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		return NpsFigures.round(value, 1);
	}

}
