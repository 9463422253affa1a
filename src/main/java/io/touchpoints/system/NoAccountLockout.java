package io.touchpoints.system;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's user store without its per-account lockout: the engine locks an account after wrong passwords
 * from anyone, which lets an attacker lock its owner out. Failed logins are throttled per client instead
 * ({@code LoginThrottleFilter}).
 */
public class NoAccountLockout extends DbIdentityServiceProvider {

	@Override
	protected boolean isUserLocked(UserEntity user) {
		return false;
	}

	@Override
	protected void lockUser(UserEntity user) {
		// Nothing to record: a wrong password says nothing about the account's owner.
	}

}
