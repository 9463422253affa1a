package io.touchpoints.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A PostgreSQL database of its own, on the server the suite runs against, restored from a dump the previous
 * release made ({@code pg_dump --inserts}); dropped when closed.
 */
record PreviousReleaseDatabase(String url, String user, String password, String serverUrl, String name)
		implements AutoCloseable {

	static PreviousReleaseDatabase restore(String dump) {
		String serverUrl = System.getenv().getOrDefault("TOUCHPOINTS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = System.getenv().getOrDefault("TOUCHPOINTS_TEST_DB_USER", "postgres");
		String password = System.getenv().getOrDefault("TOUCHPOINTS_TEST_DB_PASSWORD", "");
		String name = "touchpoints_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		PreviousReleaseDatabase database = new PreviousReleaseDatabase(
				serverUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name), user, password, serverUrl, name);
		database.execute(serverUrl, "create database " + name);
		try (Connection connection = DriverManager.getConnection(database.url(), user, password);
				InputStream in = new GZIPInputStream(PreviousReleaseDatabase.class.getResourceAsStream(dump))) {
			ScriptUtils.executeSqlScript(connection, new EncodedResource(new ByteArrayResource(in.readAllBytes()), "UTF-8"));
		}
		catch (SQLException failed) {
			throw new IllegalStateException("Could not restore " + dump + " into " + name, failed);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return database;
	}

	@Override
	public void close() {
		execute(serverUrl, "drop database if exists " + name + " with (force)");
	}

	private void execute(String target, String sql) {
		try (Connection connection = DriverManager.getConnection(target, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException failed) {
			throw new IllegalStateException(sql + " failed on " + target, failed);
		}
	}

}
