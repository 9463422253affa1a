package io.touchpoints.helpdesk;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.usage.AcceptedEvent;
import io.touchpoints.usage.UsageEventSubscriber;

/**
 * Keeps one row per ticket (when it opened, got its first response, was resolved or reopened, with how many agent
 * contacts) and one per live-contact event, with the customer's lifecycle stage at the time, from the usage events
 * in their batch's transaction. Events may arrive in any order: each moment keeps its earliest report, a
 * resolution and a reopening their latest.
 */
@Component
class SupportProjection implements UsageEventSubscriber {

	private final JdbcTemplate jdbc;

	private final CustomerRegistry customers;

	private final ObjectMapper json;

	SupportProjection(JdbcTemplate jdbc, CustomerRegistry customers, ObjectMapper json) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.json = json;
	}

	@Override
	public void accepted(List<AcceptedEvent> events) {
		Map<Long, String> stages = new HashMap<>();
		for (AcceptedEvent event : events) {
			if (!AcceptedEvent.TICKET.equals(event.type()) && !AcceptedEvent.LIVE_CONTACT.equals(event.type())) {
				continue;
			}
			String stage = stages.computeIfAbsent(event.customerId(),
					id -> customers.findById(id).map(customer -> customer.getStage().value()).orElse("unknown"));
			JsonNode properties = properties(event);
			if (AcceptedEvent.TICKET.equals(event.type())) {
				ticket(event, properties, stage);
			}
			else {
				liveContact(event, properties, stage);
			}
		}
	}

	private void ticket(AcceptedEvent event, JsonNode properties, String stage) {
		String ticketId = properties.path("ticketId").asText();
		ensureTicket(ticketId, event.customerId(), properties.path("channel").asText(), stage);
		Timestamp at = Timestamp.from(event.occurredAt());
		switch (event.name()) {
			case "opened" -> jdbc.update("update support_ticket set opened_at = ? where ticket_id = ? "
					+ "and (opened_at is null or opened_at > ?)", at, ticketId, at);
			case "first_response" -> jdbc.update("update support_ticket set first_response_at = ? where ticket_id = ? "
					+ "and (first_response_at is null or first_response_at > ?)", at, ticketId, at);
			case "resolved" -> jdbc.update("update support_ticket set resolved_at = ?, agent_contacts = ? where ticket_id = ? "
					+ "and (resolved_at is null or resolved_at < ?)", at, properties.path("agentContacts").asInt(), ticketId, at);
			case "reopened" -> jdbc.update("update support_ticket set reopened_at = ? where ticket_id = ? "
					+ "and (reopened_at is null or reopened_at < ?)", at, ticketId, at);
			default -> throw new IllegalArgumentException("Unknown ticket event '" + event.name() + "'");
		}
	}

	private void ensureTicket(String ticketId, long customerId, String channel, String stage) {
		try {
			jdbc.update("insert into support_ticket (ticket_id, customer_id, channel, stage) select ?, ?, ?, ? "
					+ "where not exists (select 1 from support_ticket where ticket_id = ?)", ticketId, customerId, channel, stage,
					ticketId);
		}
		catch (DuplicateKeyException concurrentBatch) {
			throw retryBatch("ticket " + ticketId, concurrentBatch);
		}
	}

	private void liveContact(AcceptedEvent event, JsonNode properties, String stage) {
		JsonNode wait = properties.get("waitSeconds");
		String contactId = properties.path("contactId").asText();
		try {
			// A second event with the same contact and outcome (another event id): the first report stands.
			jdbc.update("insert into live_contact (contact_id, outcome, customer_id, channel, stage, wait_seconds, occurred_at) "
					+ "select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from live_contact where contact_id = ? and outcome = ?)",
					contactId, event.name(), event.customerId(), properties.path("channel").asText(), stage,
					wait == null || wait.isNull() ? null : wait.asInt(), Timestamp.from(event.occurredAt()), contactId,
					event.name());
		}
		catch (DuplicateKeyException concurrentBatch) {
			throw retryBatch("live contact " + contactId, concurrentBatch);
		}
	}

	/**
	 * Two batches recorded the same ticket or contact at once; on PostgreSQL the transaction cannot go on after the
	 * failed insert, so the whole batch runs again (ingestion retries on concurrent writes) and finds the row.
	 */
	private static OptimisticLockingFailureException retryBatch(String what, DuplicateKeyException cause) {
		return new OptimisticLockingFailureException(what + " was recorded by another batch at the same time", cause);
	}

	private JsonNode properties(AcceptedEvent event) {
		try {
			return json.readTree(event.propertiesJson() == null ? "{}" : event.propertiesJson());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Stored properties of event " + event.eventId() + " are not JSON", e);
		}
	}

}
