package io.touchpoints.task;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.Arrays;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import io.touchpoints.system.Groups;

/**
 * The engine permissions people get on each task, on top of the engine's defaults (candidates may read and work
 * it): whoever claims a task may also release it (TASK_ASSIGN), and the lead group of a candidate team may see and
 * release it. {@link TaskRequestRules} decide what TASK_ASSIGN is used for: releasing, never assigning others.
 */
class TeamTaskAuthorizations extends DefaultAuthorizationProvider {

	@Override
	public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
		AuthorizationEntity[] granted = super.newTaskAssignee(task, oldAssignee, newAssignee);
		if (granted != null) {
			Arrays.stream(granted)
				.filter(authorization -> authorization.getResourceType() == TASK.resourceType())
				.forEach(authorization -> authorization.addPermission(TaskPermissions.TASK_ASSIGN));
		}
		return granted;
	}

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		AuthorizationEntity[] granted = super.newTaskGroupIdentityLink(task, groupId, type);
		String lead = Groups.leadOf(groupId);
		if (lead == null || !IdentityLinkType.CANDIDATE.equals(type)) {
			return granted;
		}
		Stream<AuthorizationEntity> leads = Stream.of(
				createOrUpdateAuthorization(task, null, lead, TASK, false, READ, TaskPermissions.TASK_ASSIGN));
		if (isHistoricInstancePermissionsEnabled()) {
			leads = Stream.concat(leads, Stream.of(
					createOrUpdateAuthorization(task, null, lead, HISTORIC_TASK, true, HistoricTaskPermissions.READ)));
		}
		return Stream.concat(granted == null ? Stream.empty() : Arrays.stream(granted), leads)
			.toArray(AuthorizationEntity[]::new);
	}

}
