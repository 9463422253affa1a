package io.touchpoints.task;

import java.time.Duration;

/** Where a task goes and how fast it is due, and who takes over when it is late: one row of the routing table. */
public record Route(String candidateGroup, Duration sla, String leadGroup, Duration leadSla) {
}
