package io.touchpoints.system.web;

import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Comments and attachments of a journey are read only by those who may read the journey: the engine returns
 * them to anyone who asks (its changes it checks itself).
 */
@Component
@Order(30)
class ProcessInstanceNotes implements EngineRequestRule {

	private static final Pattern NOTES = Pattern.compile("/process-instance/([^/]+)/(comment|attachment)(/.*)?");

	private final HistoryService historyService;

	private final Callers callers;

	ProcessInstanceNotes(@Lazy HistoryService historyService, Callers callers) {
		this.historyService = historyService;
		this.callers = callers;
	}

	@Override
	public Answer check(EngineRequest request) {
		List<String> notes = request.match(NOTES);
		if (notes == null || !request.isRead() || request.caller().isAdministrator()) {
			return null;
		}
		String id = notes.get(0);
		boolean readable = callers.as(request.caller(),
				() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0);
		return readable ? null : Answer.notFound("No process instance '" + id + "' that you may read");
	}

}
