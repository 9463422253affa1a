package io.touchpoints.survey;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which lifecycle stages are below their NPS band and were raised: once per stage until it is back in band. */
@Repository
class NpsBandAlerts {

	private final JdbcTemplate jdbc;

	NpsBandAlerts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens the stage's alert; false when it is open already (raised before and not back in band since). */
	boolean open(String stage, Instant at) {
		if (jdbc.update("update nps_band_alert set raised_at = ?, process_instance_id = null, cleared_at = null "
				+ "where stage = ? and cleared_at is not null", Timestamp.from(at), stage) == 1) {
			return true;
		}
		try {
			return jdbc.update("insert into nps_band_alert (stage, raised_at) select ?, ? where not exists "
					+ "(select 1 from nps_band_alert where stage = ?)", stage, Timestamp.from(at), stage) == 1;
		}
		catch (DuplicateKeyException raisedMeanwhile) {
			// Another check raised it at the same moment; on PostgreSQL this transaction cannot go on: the job runs again.
			throw new OptimisticLockingFailureException("The NPS band alert of stage '" + stage + "' was raised by another check",
					raisedMeanwhile);
		}
	}

	void raisedBy(String stage, String processInstanceId) {
		jdbc.update("update nps_band_alert set process_instance_id = ? where stage = ?", processInstanceId, stage);
	}

	/** Closes the stage's alert; false when none was open. */
	boolean clear(String stage, Instant at) {
		return jdbc.update("update nps_band_alert set cleared_at = ? where stage = ? and cleared_at is null",
				Timestamp.from(at), stage) == 1;
	}

}
