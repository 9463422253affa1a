package io.touchpoints.sandbox;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before the engine's deployers, on every deployment (start-up folder, Camunda Modeler, engine REST) and
 * every time a stored one is loaded again: refuses resources that are not models and models that would run
 * scripts or classes ({@link ModelResources}).
 */
class DeploymentGuard implements Deployer {

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (deployment.getResources() == null) {
			return;
		}
		Map<String, List<ModelProblem>> refused = new TreeMap<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			List<ModelProblem> problems = ModelResources.problemsIn(resource.getName(), resource.getBytes());
			if (!problems.isEmpty()) {
				refused.put(resource.getName(), problems);
			}
		}
		if (!refused.isEmpty()) {
			throw new DeploymentRefusedException(refused);
		}
	}

}
