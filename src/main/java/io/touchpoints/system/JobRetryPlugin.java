package io.touchpoints.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** How failed jobs are retried ({@code touchpoints.jobs.retry-back-off}) and how deferred jobs wait. */
@Component
class JobRetryPlugin extends AbstractProcessEnginePlugin {

	private final TouchpointsProperties properties;

	JobRetryPlugin(TouchpointsProperties properties) {
		this.properties = properties;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobRetryTimeCycle(properties.jobs().retryBackOff());
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		// After the starter's failed-job configuration has installed its factory, which stays the fallback.
		configuration.setFailedJobCommandFactory(new JobDeferral(configuration.getFailedJobCommandFactory()));
	}

}
