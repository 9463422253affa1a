package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V15 gives every survey answer its invitation's month, kind and stage (the NPS figures count answers without a
 * join): answers recorded before the upgrade get them from their invitations. On H2 always, on PostgreSQL in the
 * suite's PostgreSQL run (a schema of its own, dropped afterwards).
 */
class SurveyResponseMigrationTest {

	@Test
	void answersRecordedBeforeTheUpgradeCarryTheirInvitationsMonthKindAndStageOnH2() {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		answersCarryTheirInvitations(database);
	}

	@Test
	@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
	void answersRecordedBeforeTheUpgradeCarryTheirInvitationsMonthKindAndStageOnPostgreSQL() {
		String url = System.getenv().getOrDefault("TOUCHPOINTS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String schema = "v15_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		DriverManagerDataSource server = new DriverManagerDataSource(url,
				System.getenv().getOrDefault("TOUCHPOINTS_TEST_DB_USER", "postgres"),
				System.getenv().getOrDefault("TOUCHPOINTS_TEST_DB_PASSWORD", ""));
		new JdbcTemplate(server).execute("create schema " + schema);
		try {
			DriverManagerDataSource database = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?")
					+ "currentSchema=" + schema, server.getUsername(), server.getPassword());
			answersCarryTheirInvitations(database);
		}
		finally {
			new JdbcTemplate(server).execute("drop schema " + schema + " cascade");
		}
	}

	private static void answersCarryTheirInvitations(DataSource database) {
		JdbcTemplate jdbc = new JdbcTemplate(database);
		migrate(database, "14");
		jdbc.update("insert into customer (version, external_ref, name, email, locale, time_zone, tier, annual_value, stage, "
				+ "created_at, updated_at) values (0, 'c-1', 'Ana', 'ana@example.com', 'es-ES', 'Europe/Madrid', 'standard', "
				+ "1000, 'engagement', timestamp with time zone '2026-03-01 00:00:00+00', "
				+ "timestamp with time zone '2026-03-01 00:00:00+00')");
		long customer = jdbc.queryForObject("select id from customer", Long.class);
		jdbc.update("insert into survey_invitation (id, customer_id, kind, stage, invited_at, expires_at) values "
				+ "('answered', ?, 'relationship-nps', 'engagement', timestamp with time zone '2026-03-31 23:30:00+00', "
				+ "timestamp with time zone '2026-04-30 23:30:00+00'), ('unanswered', ?, 'csat', 'adoption', "
				+ "timestamp with time zone '2026-04-02 10:00:00+00', timestamp with time zone '2026-05-02 10:00:00+00')",
				customer, customer);
		jdbc.update("insert into survey_response (invitation_id, score, answered_at, updated_at) values ('answered', 4, "
				+ "timestamp with time zone '2026-04-01 08:00:00+00', timestamp with time zone '2026-04-01 08:00:00+00')");

		migrate(database, "15");

		Map<String, Object> answer = jdbc.queryForMap("select kind, stage, score from survey_response");
		assertThat(jdbc.queryForObject("select invited_at from survey_response", OffsetDateTime.class).toInstant())
			.hasToString("2026-03-31T23:30:00Z");
		assertThat(answer).containsEntry("kind", "relationship-nps").containsEntry("stage", "engagement")
			.containsEntry("score", 4);
	}

	private static void migrate(DataSource database, String version) {
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target(version).load().migrate();
	}

}
