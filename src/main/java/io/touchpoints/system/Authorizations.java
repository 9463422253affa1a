package io.touchpoints.system;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Grants and revokes group permissions idempotently: an existing grant is widened, never duplicated. */
@Component
public class Authorizations {

	private final AuthorizationService authorizationService;

	Authorizations(AuthorizationService authorizationService) {
		this.authorizationService = authorizationService;
	}

	/** Removes the group's grant on the resource, if it has one. */
	public void revoke(String groupId, Resource resource, String resourceId) {
		Authorization authorization = grantOf(groupId, resource, resourceId);
		if (authorization != null) {
			authorizationService.deleteAuthorization(authorization.getId());
		}
	}

	public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = grantOf(groupId, resource, resourceId);
		if (authorization == null) {
			authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean changed = authorization.getId() == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizationService.saveAuthorization(authorization);
		}
	}

	private Authorization grantOf(String groupId, Resource resource, String resourceId) {
		return authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
	}

}
