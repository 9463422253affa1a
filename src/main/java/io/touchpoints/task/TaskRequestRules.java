package io.touchpoints.task;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AsEngine;
import io.touchpoints.system.web.Callers;
import io.touchpoints.system.web.EngineRequest;
import io.touchpoints.system.web.EngineRequestRule;
import io.touchpoints.system.web.Answer;

/**
 * What people may do to tasks through the engine's REST API (Tasklist uses the same API), beyond the engine's own
 * checks: claim only for themselves; release what they hold, or what their team's members hold if they lead it (done
 * here, as the engine, so nobody needs the engine's TASK_ASSIGN, which would also let them give tasks away); comment
 * only where they may work and only on the task's own journey, and read comments and attachments only where they
 * may read the task (the engine checks neither). Which writes are allowed at all is {@code EngineWritesAllowed}'s.
 */
@Component
@Order(40)
class TaskRequestRules implements EngineRequestRule {

	private static final Pattern CLAIM = Pattern.compile("/task/([^/]+)/claim");

	private static final Pattern UNCLAIM = Pattern.compile("/task/([^/]+)/unclaim");

	private static final Pattern NOTES = Pattern.compile("/task/([^/]+)/(comment|attachment)(/.*)?");

	private final TaskAccess access;

	private final TaskService taskService;

	private final Callers callers;

	private final AsEngine asEngine;

	TaskRequestRules(TaskAccess access, @Lazy TaskService taskService, Callers callers, AsEngine asEngine) {
		this.access = access;
		this.taskService = taskService;
		this.callers = callers;
		this.asEngine = asEngine;
	}

	@Override
	public Answer check(EngineRequest request) throws IOException {
		if (request.caller().isAdministrator()) {
			return null;
		}
		List<String> notes = request.match(NOTES);
		if (notes != null) {
			return request.isRead() ? readNotes(request, notes.get(0)) : writeNote(request, notes.get(0));
		}
		if (request.isRead()) {
			return null;
		}
		List<String> task = request.match(CLAIM);
		if (task != null) {
			String userId = request.json().path("userId").textValue();
			// A claim for nobody is a release in the engine: the same rule holds.
			return userId == null ? release(request, task.get(0)) : claimFor(request, task.get(0), userId);
		}
		task = request.match(UNCLAIM);
		return task == null ? null : release(request, task.get(0));
	}

	private Answer claimFor(EngineRequest request, String taskId, String userId) {
		String caller = request.caller().userId();
		if (!caller.equals(userId)) {
			return Answer.forbidden("People claim tasks for themselves only: '" + caller + "' may not claim for '"
					+ userId + "'");
		}
		return access.holdersOf(taskId)
			.filter(holders -> !holders.isClaimed() && !access.mayClaim(request.caller(), holders))
			.map(holders -> Answer.forbidden("Task '" + taskId + "' is not offered to '" + caller + "'"))
			.orElse(null);
	}

	private Answer release(EngineRequest request, String taskId) {
		TaskAccess.Holders holders = access.holdersOf(taskId).orElse(null);
		if (holders == null) {
			return null;
		}
		if (holders.isClaimed() && !access.mayRelease(request.caller(), holders)) {
			return Answer.forbidden("Task '" + taskId + "' is claimed by someone else: only they, or a lead of the "
					+ "task's team, may release it");
		}
		if (holders.isClaimed()) {
			callers.as(request.caller(), () -> {
				asEngine.run(() -> taskService.setAssignee(taskId, null));
				return null;
			});
		}
		return Answer.done();
	}

	private Answer readNotes(EngineRequest request, String taskId) {
		boolean visible = callers.as(request.caller(), () -> taskService.createTaskQuery().taskId(taskId).count() > 0);
		return visible ? null : Answer.notFound("No task '" + taskId + "' that you may read");
	}

	private Answer writeNote(EngineRequest request, String taskId) throws IOException {
		TaskAccess.Holders holders = access.holdersOf(taskId).orElse(null);
		if (holders == null) {
			return null;
		}
		if (!access.mayWork(request.caller(), holders)) {
			return Answer.forbidden("Only whoever may work task '" + taskId + "' may comment on it");
		}
		String journey = request.json().path("processInstanceId").textValue();
		if (journey != null && !journey.equals(holders.processInstanceId())) {
			return Answer.forbidden("A comment on task '" + taskId + "' belongs to the task's own journey");
		}
		return null;
	}

}
