package io.touchpoints.system;

import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;

/**
 * Camunda's identity service, except that saving a user with a password that breaks the password policy fails with
 * the rules it breaks ({@link PasswordPolicyException}), where Camunda says only "Password does not match policy".
 * Camunda checks the new password through this very method while it saves the user, and the password is nowhere
 * else to be read; checks outside a save (the policy endpoint, start-up) get their result as always.
 */
class PolicyNamingIdentityService extends IdentityServiceImpl {

	@Override
	public PasswordPolicyResult checkPasswordAgainstPolicy(String candidatePassword, User user) {
		PasswordPolicyResult result = super.checkPasswordAgainstPolicy(candidatePassword, user);
		if (!result.isValid() && savingAUser()) {
			throw new PasswordPolicyException(result.getViolatedRules());
		}
		return result;
	}

	private static boolean savingAUser() {
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		return invocation != null && invocation.getCommand() instanceof SaveUserCmd;
	}

}
