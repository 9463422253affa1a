package io.touchpoints.system.db;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rule for the main pool, checked at start-up: every thread that works on its own holds at most one main
 * connection (see {@link NestingDataSource}), so the pool must hold one for each job thread, the job acquisition,
 * each scheduler thread, and a reserve that jobs can never take from API requests. A node configured against
 * the rule does not start, and says which settings to change.
 */
@Component
class ConnectionBudget {

	ConnectionBudget(HikariDataSource mainPool, HikariDataSource nestedPool, CamundaBpmProperties camunda,
			@Value("${spring.task.scheduling.pool.size:1}") int schedulerThreads,
			@Value("${touchpoints.database.api-reserve:5}") int apiReserve) {
		JobExecutionProperty jobs = camunda.getJobExecution();
		int jobThreads = jobs.isEnabled() ? jobs.getMaxPoolSize() + 1 : 0;
		int needed = jobThreads + schedulerThreads + apiReserve;
		if (mainPool.getMaximumPoolSize() < needed) {
			throw new IllegalStateException("The main connection pool holds " + mainPool.getMaximumPoolSize()
					+ " connections; it needs at least " + needed + ": " + jobThreads + " for the job executor "
					+ "(camunda.bpm.job-execution.max-pool-size plus its acquisition), " + schedulerThreads
					+ " for scheduled sweeps (spring.task.scheduling.pool.size) and " + apiReserve
					+ " kept for API requests (touchpoints.database.api-reserve). Raise "
					+ "spring.datasource.hikari.maximum-pool-size or lower the others.");
		}
		if (nestedPool.getMaximumPoolSize() < 1) {
			throw new IllegalStateException("touchpoints.database.nested-pool.maximum-pool-size must be at least 1");
		}
	}

}
