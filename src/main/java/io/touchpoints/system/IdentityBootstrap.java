package io.touchpoints.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.security.SecureRandom;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently and before the service takes traffic, the groups, their authorizations, the Tasklist
 * filters and the administrator account. Safe to run on several nodes at once.
 */
@Component
class IdentityBootstrap implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

	private final IdentityService identityService;

	private final Authorizations authorizations;

	private final TasklistFilters tasklistFilters;

	private final TouchpointsProperties.Admin admin;

	IdentityBootstrap(IdentityService identityService, Authorizations authorizations, TasklistFilters tasklistFilters,
			TouchpointsProperties properties) {
		this.identityService = identityService;
		this.authorizations = authorizations;
		this.tasklistFilters = tasklistFilters;
		this.admin = properties.admin();
	}

	@Override
	public void afterPropertiesSet() {
		Retrying.onConcurrentWrite(() -> {
			bootstrap();
			return null;
		}, ProcessEngineException.class);
	}

	private void bootstrap() {
		ensureGroup(Groups.ADMIN, "Touchpoints administrators");
		ensureGroup(Groups.CX_OPS, "CX operations");
		ensureGroup(Groups.CSM, "Customer success managers");
		ensureGroup(Groups.SUPPORT, "Support");
		ensureGroup(Groups.CSM_LEADS, "Customer success leads");
		ensureGroup(Groups.SUPPORT_LEADS, "Support leads");
		ensureGroup(Groups.INTEGRATION, "Integrations (other systems)");
		grantAdministrators();
		grantCxOps();
		grantTaskWorkers(Groups.CSM);
		grantTaskWorkers(Groups.SUPPORT);
		grantTaskWorkers(Groups.CSM_LEADS);
		grantTaskWorkers(Groups.SUPPORT_LEADS);
		grantTaskWorkers(Groups.CX_OPS);
		revokeIntegration();
		tasklistFilters.ensure(Groups.CSM, Groups.SUPPORT, Groups.CSM_LEADS, Groups.SUPPORT_LEADS, Groups.CX_OPS);
		ensureAdminAccount();
	}

	private void grantAdministrators() {
		for (Resource resource : Resources.values()) {
			authorizations.grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
		}
	}

	private void grantCxOps() {
		authorizations.grant(Groups.CX_OPS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		authorizations.grant(Groups.CX_OPS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
		authorizations.grant(Groups.CX_OPS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
				Permissions.READ_HISTORY, Permissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK);
		authorizations.grant(Groups.CX_OPS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
		authorizations.grant(Groups.CX_OPS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
		authorizations.grant(Groups.CX_OPS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
		authorizations.grant(Groups.CX_OPS, Resources.TASK, ANY, Permissions.READ);
	}

	private void grantTaskWorkers(String group) {
		// Task access itself comes from the engine: candidate groups get TASK_WORK on their own tasks only.
		authorizations.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		authorizations.grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
		authorizations.grant(group, Resources.GROUP, ANY, Permissions.READ);
		authorizations.grant(group, Resources.USER, ANY, Permissions.READ);
	}

	private void revokeIntegration() {
		// Other systems change journeys only through /api, which acts as the engine; earlier releases granted
		// them process permissions, which an upgraded database still holds.
		authorizations.revoke(Groups.INTEGRATION, Resources.PROCESS_DEFINITION, ANY);
		authorizations.revoke(Groups.INTEGRATION, Resources.PROCESS_INSTANCE, ANY);
	}

	private void ensureGroup(String id, String name) {
		if (identityService.createGroupQuery().groupId(id).count() == 0) {
			var group = identityService.newGroup(id);
			group.setName(name);
			group.setType("WORKFLOW");
			identityService.saveGroup(group);
		}
	}

	private void ensureAdminAccount() {
		User existing = identityService.createUserQuery().userId(admin.user()).singleResult();
		boolean configured = admin.password() != null && !admin.password().isBlank();
		if (existing == null) {
			User user = identityService.newUser(admin.user());
			user.setFirstName("Touchpoints");
			user.setLastName("Administrator");
			String password = configured ? compliant(admin.password(), user) : randomPassword(user);
			user.setPassword(password);
			identityService.saveUser(user);
			identityService.createMembership(admin.user(), Groups.ADMIN);
			if (!configured) {
				log.warn("Created administrator '{}' with generated password: {}  (shown once; set "
						+ "TOUCHPOINTS_ADMIN_PASSWORD to choose it)", admin.user(), password);
			}
			return;
		}
		if (configured && !identityService.checkPassword(admin.user(), admin.password())) {
			User current = identityService.createUserQuery().userId(admin.user()).singleResult();
			current.setPassword(compliant(admin.password(), current));
			identityService.saveUser(current);
			log.info("Administrator '{}' password updated from TOUCHPOINTS_ADMIN_PASSWORD", admin.user());
		}
		if (identityService.createUserQuery().userId(admin.user()).memberOfGroup(Groups.ADMIN).count() == 0) {
			identityService.createMembership(admin.user(), Groups.ADMIN);
		}
	}

	private String compliant(String password, User user) {
		PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, user);
		if (!result.isValid()) {
			throw new IllegalStateException("TOUCHPOINTS_ADMIN_PASSWORD does not meet the password policy: "
					+ PasswordPolicyException.describe(result.getViolatedRules()));
		}
		return password;
	}

	private String randomPassword(User user) {
		SecureRandom random = new SecureRandom();
		byte[] bytes = new byte[18];
		String password;
		do {
			random.nextBytes(bytes);
			// The suffix supplies the classes the policy asks for that 24 random base64 characters may lack.
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-Tp9";
		}
		while (!identityService.checkPasswordAgainstPolicy(password, user).isValid());
		return password;
	}

}
