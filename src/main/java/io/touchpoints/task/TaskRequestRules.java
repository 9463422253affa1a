package io.touchpoints.task;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.system.web.Callers;
import io.touchpoints.system.web.EngineRequest;
import io.touchpoints.system.web.EngineRequestRule;
import io.touchpoints.system.web.Refusal;

/**
 * What people may do to tasks through the engine's REST API (Tasklist uses the same API), beyond the engine's own
 * checks: claim for themselves only; release what they hold or what their team's members hold if they lead it;
 * comment and attach only where they may work, and read comments and attachments only where they may read the
 * task (the engine checks neither); delegation, identity links and task edits are for administrators.
 */
@Component
@Order(40)
class TaskRequestRules implements EngineRequestRule {

	private static final Pattern CLAIM = Pattern.compile("/task/([^/]+)/claim");

	private static final Pattern UNCLAIM = Pattern.compile("/task/([^/]+)/unclaim");

	private static final Pattern ASSIGNEE = Pattern.compile("/task/([^/]+)/assignee");

	private static final Pattern DELEGATION = Pattern.compile("/task/([^/]+)/(delegate|identity-links|identity-links/delete)");

	private static final Pattern NOTES = Pattern.compile("/task/([^/]+)/(comment|attachment)(/.*)?");

	private final TaskAccess access;

	private final TaskService taskService;

	private final Callers callers;

	TaskRequestRules(TaskAccess access, @Lazy TaskService taskService, Callers callers) {
		this.access = access;
		this.taskService = taskService;
		this.callers = callers;
	}

	@Override
	public Refusal check(EngineRequest request) throws IOException {
		if (request.caller().isAdministrator()) {
			return null;
		}
		List<String> notes = request.match(NOTES);
		if (notes != null) {
			return request.isRead() ? readNotes(request, notes.get(0)) : writeNotes(request, notes.get(0));
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
		if (task != null) {
			return release(request, task.get(0));
		}
		task = request.match(ASSIGNEE);
		if (task != null) {
			String userId = request.json().path("userId").textValue();
			return userId == null ? release(request, task.get(0)) : claimFor(request, task.get(0), userId);
		}
		if (request.match(DELEGATION) != null) {
			// Claimants and leads hold TASK_ASSIGN to release tasks; it would let them do these as well.
			return Refusal.forbidden("Delegating tasks and changing their candidates is for administrators; claim "
					+ "the task, or ask a lead to release it");
		}
		return null;
	}

	private Refusal claimFor(EngineRequest request, String taskId, String userId) {
		String caller = request.caller().userId();
		if (!caller.equals(userId)) {
			return Refusal.forbidden("People claim tasks for themselves only: '" + caller + "' may not claim for '"
					+ userId + "'");
		}
		return access.holdersOf(taskId)
			.filter(holders -> !access.mayClaim(request.caller(), holders))
			.map(holders -> holders.isClaimed() ? null
					: Refusal.forbidden("Task '" + taskId + "' is not offered to '" + caller + "'"))
			.orElse(null);
	}

	private Refusal release(EngineRequest request, String taskId) {
		return access.holdersOf(taskId)
			.filter(holders -> holders.isClaimed() && !access.mayRelease(request.caller(), holders))
			.map(holders -> Refusal.forbidden("Task '" + taskId + "' is claimed by someone else: only they, or a lead "
					+ "of the task's team, may release it"))
			.orElse(null);
	}

	private Refusal readNotes(EngineRequest request, String taskId) {
		boolean visible = callers.as(request.caller(), () -> taskService.createTaskQuery().taskId(taskId).count() > 0);
		return visible ? null : Refusal.notFound("No task '" + taskId + "' that you may read");
	}

	private Refusal writeNotes(EngineRequest request, String taskId) {
		return access.holdersOf(taskId)
			.filter(holders -> !access.mayWork(request.caller(), holders))
			.map(holders -> Refusal.forbidden("Only whoever may work task '" + taskId
					+ "' may comment on it or attach to it"))
			.orElse(null);
	}

}
