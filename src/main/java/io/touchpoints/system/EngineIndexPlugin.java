package io.touchpoints.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the index Camunda 7 lacks on {@code ACT_RU_TASK.PARENT_TASK_ID_}. Every task that ends looks up its
 * sub-tasks by that column, so without it each completion scans every open task: with thousands of customers
 * waiting at milestone tasks, that scan dominated task completion (docs/benchmarks.md). Created after the engine
 * has created or updated its schema; harmless when it exists, and when another node creates it at the same time.
 */
@Component
class EngineIndexPlugin extends AbstractProcessEnginePlugin {

	static final String INDEX = "TP_IDX_TASK_PARENT";

	private static final Logger log = LoggerFactory.getLogger(EngineIndexPlugin.class);

	private ProcessEngineConfigurationImpl configuration;

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create index if not exists " + INDEX + " on " + table + " (PARENT_TASK_ID_)");
		}
		catch (SQLException e) {
			log.warn("Could not create index {} on {} (task completion stays slower with many open tasks): {}", INDEX,
					table, e.getMessage());
		}
	}

}
