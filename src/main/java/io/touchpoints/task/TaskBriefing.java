package io.touchpoints.task;

import java.util.Map;

import io.touchpoints.customer.Customer;

/**
 * Facts a journey puts in front of whoever works a task of some type, as variables the task's form shows: given when
 * the task is created and again on the day it falls due, so a task created weeks ahead does not show stale figures.
 * Lets the task capability brief people with what journeys know without depending on any journey.
 */
public interface TaskBriefing {

	/** The variables for a task of {@code taskType} about {@code customer}; empty when there is nothing for that type. */
	Map<String, Object> briefFor(String taskType, Customer customer);

}
