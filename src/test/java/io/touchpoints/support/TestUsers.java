package io.touchpoints.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.context.TestComponent;

import io.touchpoints.system.Groups;

/** One user per group, created on first use; every password is {@link #PASSWORD}. */
@TestComponent
public class TestUsers {

	public static final String PASSWORD = "Horse-Battery-9!";

	public static final String CSM = "testcsm";

	public static final String SUPPORT = "testsupport";

	public static final String INTEGRATION = "testintegration";

	public static final String CX_OPS = "testcxops";

	private final IdentityService identityService;

	TestUsers(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String csm() {
		return ensure(CSM, Groups.CSM);
	}

	public String support() {
		return ensure(SUPPORT, Groups.SUPPORT);
	}

	public String integration() {
		return ensure(INTEGRATION, Groups.INTEGRATION);
	}

	public String cxOps() {
		return ensure(CX_OPS, Groups.CX_OPS);
	}

	/** An administrator: the only people who start journeys or set variables through engine REST. */
	public String administrator() {
		return ensure("testadmin", Groups.ADMIN);
	}

	/**
	 * A user of its own for tests that fail logins on purpose: the engine delays a user's next login after
	 * a wrong password, which would lock the shared users out of the following tests.
	 */
	public synchronized String ensure(String userId, String groupId) {
		if (identityService.createUserQuery().userId(userId).count() == 0) {
			User user = identityService.newUser(userId);
			user.setFirstName("Test");
			user.setLastName(groupId);
			user.setPassword(PASSWORD);
			identityService.saveUser(user);
			identityService.createMembership(userId, groupId);
		}
		return userId;
	}

}
