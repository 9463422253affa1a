package io.touchpoints.timeline;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One thing that happened between a customer and us. */
public record TimelineEntry(long id, @JsonIgnore long customerId, Instant occurredAt, String kind, String summary,
		String detail, String actor, String processInstanceId) {
}
