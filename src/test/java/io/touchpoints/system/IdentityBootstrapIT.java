package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.touchpoints.support.IntegrationTest;

/** Groups, the administrator and the demo users, created idempotently at start-up. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class IdentityBootstrapIT {

	private static final Pattern GENERATED = Pattern.compile("Created administrator '(\\w+)' with generated password: (\\S+)");

	@Autowired
	IdentityService identityService;

	@Autowired
	Authorizations authorizations;

	@Autowired
	TasklistFilters tasklistFilters;

	@Autowired
	AuthorizationService authorizationService;

	@Test
	void createsEveryGroup() {
		assertThat(identityService.createGroupQuery().groupIdIn(Groups.ADMIN, Groups.CX_OPS, Groups.CSM, Groups.SUPPORT,
				Groups.INTEGRATION).count()).isEqualTo(5);
	}

	@Test
	void configuredAdministratorCanLogIn() {
		assertThat(identityService.checkPassword("admin", "Kettle-Lamp-Window-7")).isTrue();
		assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.ADMIN).count()).isEqualTo(1);
	}

	@Test
	void withoutConfiguredPasswordGeneratesOneAndLogsItOnce(CapturedOutput output) {
		bootstrap(new TouchpointsProperties.Admin("firstadmin", null)).afterPropertiesSet();

		Matcher logged = GENERATED.matcher(output.getAll());
		assertThat(logged.find()).isTrue();
		assertThat(logged.group(1)).isEqualTo("firstadmin");
		String password = logged.group(2);
		assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotIn("admin", "demo", "password");
		assertThat(identityService.checkPassword("firstadmin", password)).isTrue();

		bootstrap(new TouchpointsProperties.Admin("firstadmin", null)).afterPropertiesSet();

		assertThat(GENERATED.matcher(output.getAll()).results().count()).isEqualTo(1);
		assertThat(identityService.checkPassword("firstadmin", password)).isTrue();
	}

	@Test
	void configuredPasswordReplacesThePreviousOne() {
		bootstrap(new TouchpointsProperties.Admin("rotatedadmin", "First-Passw0rd!")).afterPropertiesSet();
		bootstrap(new TouchpointsProperties.Admin("rotatedadmin", "Second-Passw0rd!")).afterPropertiesSet();

		assertThat(identityService.checkPassword("rotatedadmin", "Second-Passw0rd!")).isTrue();
		assertThat(identityService.checkPassword("rotatedadmin", "First-Passw0rd!")).isFalse();
	}

	@Test
	void refusesAConfiguredPasswordThatBreaksThePolicyNamingTheRules() {
		assertThatThrownBy(() -> bootstrap(new TouchpointsProperties.Admin("weakadmin", "1")).afterPropertiesSet())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("TOUCHPOINTS_ADMIN_PASSWORD does not meet the password policy")
			.hasMessageContaining("at least 10 characters")
			.hasMessageContaining("uppercase")
			.hasMessageContaining("special");
		assertThat(identityService.createUserQuery().userId("weakadmin").count()).isZero();
	}

	@Test
	void generatedPasswordsMeetThePolicy() {
		bootstrap(new TouchpointsProperties.Admin("policyadmin", null)).afterPropertiesSet();

		assertThat(identityService.createUserQuery().userId("policyadmin").count()).isEqualTo(1);
	}

	@Test
	void anUpgradedDatabaseLosesTheProcessPermissionsEarlierReleasesGaveIntegrations() {
		authorizations.grant(Groups.INTEGRATION, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
		authorizations.grant(Groups.INTEGRATION, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);

		bootstrap(new TouchpointsProperties.Admin("admin", null)).afterPropertiesSet();

		assertThat(authorizationService.createAuthorizationQuery()
			.groupIdIn(Groups.INTEGRATION)
			.resourceType(Resources.PROCESS_DEFINITION)
			.count()).isZero();
		assertThat(authorizationService.createAuthorizationQuery()
			.groupIdIn(Groups.INTEGRATION)
			.resourceType(Resources.PROCESS_INSTANCE)
			.count()).isZero();
	}

	@Test
	void demoProfileAddsOneUserPerGroupWithDocumentedPasswords() {
		new DemoUsers(identityService).afterPropertiesSet();

		DemoUsers.USER_GROUPS.forEach((user, group) -> {
			assertThat(identityService.checkPassword(user, DemoUsers.PASSWORD)).as(user).isTrue();
			assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).count()).as(user).isEqualTo(1);
		});
	}

	private IdentityBootstrap bootstrap(TouchpointsProperties.Admin admin) {
		TouchpointsProperties properties = new TouchpointsProperties(null, null, admin, null, null);
		return new IdentityBootstrap(identityService, authorizations, tasklistFilters, properties);
	}

}
