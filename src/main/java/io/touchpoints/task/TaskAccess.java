package io.touchpoints.task;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.touchpoints.system.AsEngine;
import io.touchpoints.system.Groups;
import io.touchpoints.system.web.Caller;

/**
 * Who may do what with a person's task, where the engine's permissions say only whether, not for whom: people
 * claim unclaimed tasks of their team for themselves; a claimed task is its claimant's to work, and the claimant
 * or a lead of the task's team may release it; administrators may do anything.
 */
@Component
public class TaskAccess {

	private final TaskService taskService;

	private final AsEngine asEngine;

	TaskAccess(@Lazy TaskService taskService, AsEngine asEngine) {
		this.taskService = taskService;
		this.asEngine = asEngine;
	}

	/** Who holds a task and who may pick it up. */
	public record Holders(String assignee, List<String> candidateUsers, List<String> candidateGroups,
			String processInstanceId) {

		boolean isClaimed() {
			return assignee != null;
		}

		boolean offersTo(Caller caller) {
			return candidateUsers.contains(caller.userId()) || caller.isInAnyOf(candidateGroups);
		}

		boolean isLedBy(Caller caller) {
			return candidateGroups.stream().map(Groups::leadOf).filter(Objects::nonNull).anyMatch(caller::isIn);
		}

	}

	/** The task's holders; empty when there is no such task. */
	public Optional<Holders> holdersOf(String taskId) {
		return asEngine.call(() -> {
			Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
			if (task == null) {
				return Optional.empty();
			}
			List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
			return Optional.of(new Holders(task.getAssignee(), candidates(links, true), candidates(links, false),
					task.getProcessInstanceId()));
		});
	}

	/** May claim it for themselves: it is unclaimed and offered to them. */
	public boolean mayClaim(Caller caller, Holders task) {
		return caller.isAdministrator() || !task.isClaimed() && task.offersTo(caller);
	}

	/** May work it (complete it, comment, attach): it is theirs, or unclaimed and offered to them. */
	public boolean mayWork(Caller caller, Holders task) {
		return caller.isAdministrator() || caller.userId().equals(task.assignee()) || mayClaim(caller, task);
	}

	/** May release it: they hold it, or they lead its team. */
	public boolean mayRelease(Caller caller, Holders task) {
		return caller.isAdministrator() || caller.userId().equals(task.assignee()) || task.isLedBy(caller);
	}

	/** May change what the task is about (a check-in's time): whoever may work it, or a lead of its team. */
	public boolean mayChange(Caller caller, Holders task) {
		return mayWork(caller, task) || task.isLedBy(caller);
	}

	private static List<String> candidates(List<IdentityLink> links, boolean users) {
		return links.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(link -> users ? link.getUserId() : link.getGroupId())
			.filter(Objects::nonNull)
			.toList();
	}

}
