package io.touchpoints.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.test.context.TestComponent;

/**
 * Deploys models that exist only for a test (a delegate in a controlled setting) and removes them, with their
 * instances, when the test is done.
 */
@TestComponent
public class TestModels {

	private final RepositoryService repositoryService;

	private final List<String> deployments = new ArrayList<>();

	TestModels(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	public synchronized void deploy(String processId, BpmnModelInstance model) {
		deployments.add(repositoryService.createDeployment()
			.name("test-" + processId)
			.addModelInstance(processId + ".bpmn", model)
			.deploy()
			.getId());
	}

	public synchronized void removeAll() {
		deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
		deployments.clear();
	}

}
