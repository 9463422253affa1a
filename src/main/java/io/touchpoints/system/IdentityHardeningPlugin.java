package io.touchpoints.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Passwords follow Camunda's password policy (at least 10 characters with upper and lower case, a digit and a
 * special character, and none of the user's own names), a password that breaks it is refused naming the rules it
 * breaks, and wrong passwords never lock an account.
 */
@Component
class IdentityHardeningPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnablePasswordPolicy(true);
		configuration.setIdentityService(new PolicyNamingIdentityService());
		configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(NoAccountLockout.class));
	}

}
