package io.touchpoints.onboarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.touchpoints.usage.MilestoneNames;

/** The onboarding checklist: its milestones, and which of them each onboarding has reached. */
@Component
public class Milestones {

	public static final String DATA_MIGRATED = MilestoneNames.DATA_MIGRATED;

	public static final String TECHNICAL_SETUP_VERIFIED = MilestoneNames.TECHNICAL_SETUP_VERIFIED;

	public static final String TRAINING_COMPLETED = MilestoneNames.TRAINING_COMPLETED;

	/** Every milestone a usage event may report, in checklist order. */
	public static final List<String> ALL = MilestoneNames.ALL;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate namedJdbc;

	Milestones(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc) {
		this.jdbc = jdbc;
		this.namedJdbc = namedJdbc;
	}

	/** A milestone an onboarding reached: when, and by whom or what. */
	record Reached(long onboardingId, String milestone, Instant at, String by) {
	}

	/** Records the milestone unless it was reached before; true when this call recorded it. */
	boolean record(Reached reached) {
		return recordAll(List.of(reached)).get(0);
	}

	/** Records each milestone unless it was reached before (or earlier in the list); per milestone, whether it was recorded. */
	List<Boolean> recordAll(List<Reached> reached) {
		int[] inserted = jdbc.batchUpdate("""
				insert into onboarding_milestone (onboarding_id, milestone, reached_at, reached_by)
				select ?, ?, ?, ? where not exists
				  (select 1 from onboarding_milestone where onboarding_id = ? and milestone = ?)""",
				reached.stream()
					.map(milestone -> new Object[] { milestone.onboardingId(), milestone.milestone(),
							Timestamp.from(milestone.at()), milestone.by(), milestone.onboardingId(), milestone.milestone() })
					.toList());
		return Arrays.stream(inserted).mapToObj(count -> count == 1).toList();
	}

	boolean isReached(long onboardingId, String milestone) {
		return !jdbc.queryForList("select 1 from onboarding_milestone where onboarding_id = ? and milestone = ?",
				Integer.class, onboardingId, milestone).isEmpty();
	}

	/** When each milestone was reached, per onboarding. */
	Map<Long, Map<String, Instant>> reachedBy(List<Long> onboardingIds) {
		Map<Long, Map<String, Instant>> reached = new HashMap<>();
		if (onboardingIds.isEmpty()) {
			return reached;
		}
		namedJdbc.query("select onboarding_id, milestone, reached_at from onboarding_milestone where onboarding_id in (:ids)",
				Map.of("ids", onboardingIds), rs -> {
					reached.computeIfAbsent(rs.getLong("onboarding_id"), id -> new HashMap<>())
						.put(rs.getString("milestone"), rs.getTimestamp("reached_at").toInstant());
				});
		return reached;
	}

}
