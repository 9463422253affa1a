package io.touchpoints.onboarding;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends again every milestone that is recorded while its journey still waits for it: the signal that
 * {@link MilestoneSignals#send} should have sent after the recording committed was lost to a crash or a failure.
 * Reads the engine's message subscriptions and their {@code milestone} variable directly, in one query, so that
 * the sweep costs one read however many journeys wait.
 */
@Component
public class MilestoneSignalSweep {

	private static final Logger log = LoggerFactory.getLogger(MilestoneSignalSweep.class);

	private final JdbcTemplate jdbc;

	private final MilestoneSignals signals;

	MilestoneSignalSweep(JdbcTemplate jdbc, MilestoneSignals signals) {
		this.jdbc = jdbc;
		this.signals = signals;
	}

	/** Sends the milestones whose journey still waits for them; returns how many there were. */
	public int sweep() {
		List<MilestoneSignals.Signal> unsent = unsent();
		if (!unsent.isEmpty()) {
			log.warn("{} recorded milestone(s) had not reached their waiting journey; sending them again", unsent.size());
			signals.send(unsent);
		}
		return unsent.size();
	}

	private List<MilestoneSignals.Signal> unsent() {
		return jdbc.query("""
				select o.process_instance_id, m.milestone
				from onboarding_milestone m
				join onboarding o on o.id = m.onboarding_id
				join act_ru_event_subscr s on s.proc_inst_id_ = o.process_instance_id
				join act_ru_variable v on v.execution_id_ = s.execution_id_
				where o.completed_at is null and o.cancelled_at is null
				  and s.event_type_ = 'message' and s.event_name_ = ?
				  and v.name_ = ? and v.text_ = m.milestone
				order by o.id""", (rs, row) -> new MilestoneSignals.Signal(rs.getString(1), rs.getString(2)),
				MilestoneSignals.MESSAGE, MilestoneSignals.MILESTONE_VARIABLE);
	}

}
