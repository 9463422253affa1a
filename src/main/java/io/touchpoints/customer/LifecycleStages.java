package io.touchpoints.customer;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.timeline.Timeline;
import io.touchpoints.timeline.TimelineKind;

/** Moves customers between lifecycle stages, and writes each move on their timeline. */
@Service
public class LifecycleStages {

	private final Customers customers;

	private final Timeline timeline;

	private final Clock clock;

	LifecycleStages(Customers customers, Timeline timeline, Clock clock) {
		this.customers = customers;
		this.timeline = timeline;
		this.clock = clock;
	}

	@Transactional
	public Customer moveTo(Customer customer, LifecycleStage stage, String reason) {
		if (customer.getStage() == stage) {
			return customer;
		}
		LifecycleStage from = customer.getStage();
		customer.moveTo(stage, clock.instant());
		Customer saved = customers.save(customer);
		timeline.record(Timeline.Entry.of(customer.getId(), TimelineKind.STAGE_CHANGED,
				"Stage changed from " + from.value() + " to " + stage.value())
			.detail(reason));
		return saved;
	}

}
