package io.touchpoints.task;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link TeamTaskAuthorizations} as the engine's source of per-task permissions, runtime and history. */
@Component
class TaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new TeamTaskAuthorizations());
		// Per-task history permissions: whoever works a task reads its history (comments live there) without
		// reading every journey's history.
		configuration.setEnableHistoricInstancePermissions(true);
	}

}
