package io.touchpoints.system;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that the service makes on its own behalf (routing a task, creating a follow-up task) without
 * the authorization checks of whichever user's request happens to trigger them. Joins the current engine command
 * when there is one.
 */
@Component
public class AsEngine {

	private final ProcessEngine engine;

	AsEngine(@Lazy ProcessEngine engine) {
		this.engine = engine;
	}

	public <T> T call(Callable<T> work) {
		var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work));
	}

	/**
	 * Like {@link #call}, and in nobody's name: the engine attributes the work to no user, so its operation log
	 * does not credit whoever's request triggered it. For signals the service sends on its own account, which a
	 * sweep may send as well, with no user at all. Not for use inside an engine command.
	 */
	public <T> T callAsService(Callable<T> work) {
		IdentityService identity = engine.getIdentityService();
		Authentication user = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return call(work);
		}
		finally {
			if (user != null) {
				identity.setAuthentication(user);
			}
		}
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

}
