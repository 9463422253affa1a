package io.touchpoints.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.context.TestComponent;

/** Executes due jobs of a process instance the way a node's job executor would (tests run without one). */
@TestComponent
public class Jobs {

	private final ManagementService managementService;

	public Jobs(ManagementService managementService) {
		this.managementService = managementService;
	}

	/** Executes every executable job of the instance, including jobs those jobs create; failures stay failed. */
	public void executeAll(String processInstanceId) {
		for (int round = 0; round < 20; round++) {
			List<Job> due = managementService.createJobQuery()
				.processInstanceId(processInstanceId)
				.executable()
				.list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> executeOrRecordFailure(job.getId()));
		}
	}

	/** Executes one job; a failure is recorded by the engine (retries, incident), as with the job executor. */
	public void executeOrRecordFailure(String jobId) {
		try {
			managementService.executeJob(jobId);
		}
		catch (RuntimeException failure) {
			// The engine has already decremented the job's retries; that is what the caller asserts on.
		}
	}

	public Job single(String processInstanceId) {
		return managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
	}

}
