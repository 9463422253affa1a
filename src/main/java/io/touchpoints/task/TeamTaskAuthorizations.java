package io.touchpoints.task;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.Arrays;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import io.touchpoints.system.Groups;

/**
 * The engine permissions people get on each task, on top of the engine's defaults (candidates and the claimant may
 * read and work it): the lead group of a candidate team may read it, so leads see their team's tasks and can release
 * one a member holds ({@link TaskRequestRules} releases it for them, as the engine). Nobody but administrators holds
 * TASK_ASSIGN, which would let them give tasks to anyone.
 */
class TeamTaskAuthorizations extends DefaultAuthorizationProvider {

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		AuthorizationEntity[] granted = super.newTaskGroupIdentityLink(task, groupId, type);
		String lead = Groups.leadOf(groupId);
		if (lead == null || !IdentityLinkType.CANDIDATE.equals(type)) {
			return granted;
		}
		Stream<AuthorizationEntity> leads = Stream.of(createOrUpdateAuthorization(task, null, lead, TASK, false, READ));
		if (isHistoricInstancePermissionsEnabled()) {
			leads = Stream.concat(leads, Stream.of(
					createOrUpdateAuthorization(task, null, lead, HISTORIC_TASK, true, HistoricTaskPermissions.READ)));
		}
		return Stream.concat(granted == null ? Stream.empty() : Arrays.stream(granted), leads)
			.toArray(AuthorizationEntity[]::new);
	}

}
