package io.touchpoints.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;


/**
 * Deploys the models folder while the engine is being built, so a model that does not parse stops start-up
 * before the service takes any traffic.
 */
@Component
class ModelDeploymentPlugin extends AbstractProcessEnginePlugin {

	private final ModelSettings properties;

	ModelDeploymentPlugin(ModelSettings properties) {
		this.properties = properties;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		new ProcessModelDeployer(engine).deploy(properties.modelsFolder(), ProcessModelDeployer.DEPLOYMENT_NAME);
	}

}
