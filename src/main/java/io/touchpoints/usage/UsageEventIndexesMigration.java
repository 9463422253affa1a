package io.touchpoints.usage;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Schema version 5: {@code usage_event} keeps only its primary key. Nothing reads events by customer (the daily
 * counts serve that), and on H2 every secondary index of this append-only table (the customer index, and the one
 * H2 creates for the foreign key) rewrites a random page per event, which stalls all writers while the store
 * catches up. Ingestion checks the customer of every event, and customers are never deleted, so the foreign key
 * guarded nothing. A Java migration because the foreign key has no portable name.
 */
@Component
class UsageEventIndexesMigration implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("5");
	}

	@Override
	public String getDescription() {
		return "usage event without customer indexes";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		DatabaseMetaData metadata = context.getConnection().getMetaData();
		String table = metadata.storesUpperCaseIdentifiers() ? "USAGE_EVENT" : "usage_event";
		List<String> foreignKeys = new ArrayList<>();
		try (ResultSet keys = metadata.getImportedKeys(null, null, table)) {
			while (keys.next()) {
				foreignKeys.add(keys.getString("FK_NAME"));
			}
		}
		try (Statement statement = context.getConnection().createStatement()) {
			for (String foreignKey : foreignKeys) {
				statement.execute("alter table usage_event drop constraint " + foreignKey);
			}
			statement.execute("drop index ix_usage_event_customer");
		}
	}

}
