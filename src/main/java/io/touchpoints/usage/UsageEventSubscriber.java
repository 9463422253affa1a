package io.touchpoints.usage;

import java.util.List;

/**
 * A capability that keeps figures of its own from usage events (support keeps tickets and live contacts). Called in
 * the batch's transaction with the events stored for the first time, so its figures and the events commit together
 * and a resent event is never counted twice.
 */
public interface UsageEventSubscriber {

	void accepted(List<AcceptedEvent> events);

}
