package io.touchpoints.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.touchpoints.process.ModelNames;
import io.touchpoints.signal.CustomerSignal;
import io.touchpoints.signal.SignalDelivery;
import io.touchpoints.signal.SignalSubscriber;
import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/**
 * The onboarding's subscription to customer signals: a milestone is recorded on the customer's running onboarding
 * (under the onboarding's lock, which the journey's milestone check takes too) and delivered as
 * {@code MilestoneReached} to the task waiting for it. {@link io.touchpoints.signal.CustomerSignals} does the rest,
 * for every journey alike.
 */
@Service
public class MilestoneSignals implements SignalSubscriber {

	/** The user task input (a local variable of its scope) that says which milestone the task waits for. */
	public static final String MILESTONE_VARIABLE = "milestone";

	private final Onboardings onboardings;

	private final Milestones milestones;

	private final Timeline timeline;

	private final JdbcTemplate jdbc;

	MilestoneSignals(Onboardings onboardings, Milestones milestones, Timeline timeline, JdbcTemplate jdbc) {
		this.onboardings = onboardings;
		this.milestones = milestones;
		this.timeline = timeline;
		this.jdbc = jdbc;
	}

	/**
	 * Records the milestones on the customers' running onboardings. Nothing to deliver for a customer with no
	 * onboarding running, nor for a milestone reached before.
	 */
	@Override
	public List<SignalDelivery> record(List<CustomerSignal> signals) {
		List<CustomerSignal> reports = signals.stream()
			.filter(signal -> CustomerSignal.MILESTONE.equals(signal.type()))
			.toList();
		if (reports.isEmpty()) {
			return List.of();
		}
		Map<Long, Onboardings.Onboarding> running = onboardings
			.lockOpenOf(reports.stream().map(CustomerSignal::customerId).collect(Collectors.toCollection(TreeSet::new)));
		List<CustomerSignal> counting = reports.stream().filter(report -> running.containsKey(report.customerId())).toList();
		List<Boolean> recorded = milestones.recordAll(counting.stream().map(report -> {
			Onboardings.Onboarding onboarding = running.get(report.customerId());
			Instant at = report.occurredAt().isBefore(onboarding.startedAt()) ? onboarding.startedAt() : report.occurredAt();
			return new Milestones.Reached(onboarding.id(), report.name(), at, "usage event " + report.eventId());
		}).toList());
		List<Timeline.Entry> entries = new ArrayList<>();
		List<SignalDelivery> deliveries = new ArrayList<>();
		for (int i = 0; i < counting.size(); i++) {
			if (recorded.get(i)) {
				CustomerSignal report = counting.get(i);
				Onboardings.Onboarding onboarding = running.get(report.customerId());
				entries.add(Timeline.Entry.of(report.customerId(), TimelineKind.MILESTONE_REACHED,
						"Milestone '" + report.name() + "' reached: usage event " + report.eventId())
					.processInstance(onboarding.processInstanceId())
					.reference(onboarding.id() + ":" + report.name()));
				deliveries.add(delivery(onboarding.processInstanceId(), report.name()));
			}
		}
		timeline.recordAll(entries);
		return deliveries;
	}

	/**
	 * Milestones recorded while their journey still waits for them. Reads the engine's message subscriptions and
	 * their {@code milestone} variable directly, in one query, so the sweep costs one read however many wait.
	 */
	@Override
	public List<SignalDelivery> undelivered() {
		return jdbc.query("""
				select o.process_instance_id, m.milestone
				from onboarding_milestone m
				join onboarding o on o.id = m.onboarding_id
				join act_ru_event_subscr s on s.proc_inst_id_ = o.process_instance_id
				join act_ru_variable v on v.execution_id_ = s.execution_id_
				where o.completed_at is null and o.cancelled_at is null
				  and s.event_type_ = 'message' and s.event_name_ = ?
				  and v.name_ = ? and v.text_ = m.milestone
				order by o.id""", (rs, row) -> delivery(rs.getString(1), rs.getString(2)), ModelNames.MILESTONE_REACHED, MILESTONE_VARIABLE);
	}

	private static SignalDelivery delivery(String processInstanceId, String milestone) {
		return SignalDelivery.toWaiting(processInstanceId, ModelNames.MILESTONE_REACHED, MILESTONE_VARIABLE, milestone);
	}

}
