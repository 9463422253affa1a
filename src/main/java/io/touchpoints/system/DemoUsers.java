package io.touchpoints.system;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile's users, one per group, with the password the README documents. Never enable
 * this profile where real customers' data lives.
 */
@Component
@Profile("demo")
@DependsOn("identityBootstrap")
class DemoUsers implements InitializingBean {

	static final Map<String, String> USER_GROUPS = Map.of(
			"ops", Groups.CX_OPS,
			"csm", Groups.CSM,
			"support", Groups.SUPPORT,
			"integration", Groups.INTEGRATION,
			"lead", Groups.CSM_LEADS);

	/** Every demo user's password, as the README documents it; it meets the password policy. */
	static final String PASSWORD = "Demo-Password-1";

	private final IdentityService identityService;

	DemoUsers(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public void afterPropertiesSet() {
		Retrying.onConcurrentWrite(() -> {
			USER_GROUPS.forEach(this::ensureUser);
			return null;
		}, ProcessEngineException.class);
	}

	private void ensureUser(String userId, String groupId) {
		if (identityService.createUserQuery().userId(userId).count() > 0) {
			return;
		}
		User user = identityService.newUser(userId);
		user.setFirstName(userId);
		user.setLastName("(demo " + groupId + ")");
		user.setEmail(userId + "@touchpoints.local");
		user.setPassword(PASSWORD);
		identityService.saveUser(user);
		identityService.createMembership(userId, groupId);
	}

}
