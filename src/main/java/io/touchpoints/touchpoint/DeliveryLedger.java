package io.touchpoints.touchpoint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every touchpoint email by idempotency key. A send first claims its key ({@code sending}, with
 * the claimant and time), then hands the email to SMTP, then marks it {@code sent} in a transaction of its own.
 */
@Component
class DeliveryLedger {

	static final String SENDING = "sending";

	static final String SENT = "sent";

	static final String SKIPPED = "skipped";

	private static final String OPTIONAL_CATEGORIES = "('onboarding', 'support', 'surveys', 'offers')";

	private final JdbcTemplate jdbc;

	DeliveryLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** What the ledger holds for a key. */
	record Entry(String status, String claimedBy, Instant claimedAt) {
	}

	Optional<Entry> find(String key) {
		return jdbc.query("select status, claimed_by, claimed_at from touchpoint_delivery where idempotency_key = ?",
				(rs, row) -> new Entry(rs.getString("status"), rs.getString("claimed_by"),
						rs.getTimestamp("claimed_at") == null ? null : rs.getTimestamp("claimed_at").toInstant()),
				key)
			.stream()
			.findFirst();
	}

	/**
	 * Serializes the sends to one customer, so two nodes cannot both take the last slot under the cap. False when
	 * the customer has no lock row yet ({@link #createLock}).
	 */
	boolean lockCustomer(long customerId) {
		return !jdbc.queryForList("select customer_id from delivery_lock where customer_id = ? for update", Long.class,
				customerId).isEmpty();
	}

	/** Creates the customer's lock row; a concurrent creator makes this fail with a duplicate key. */
	void createLock(long customerId) {
		jdbc.update("insert into delivery_lock (customer_id) values (?)", customerId);
	}

	void insert(Touchpoint touchpoint, String status, String claimant, Instant now) {
		jdbc.update("""
				insert into touchpoint_delivery (idempotency_key, customer_id, template_id, category, recipient, message_id,
				    status, claimed_by, claimed_at, process_instance_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", touchpoint.idempotencyKey(), touchpoint.customerId(),
				touchpoint.templateId(), touchpoint.category().value(), touchpoint.email().to(),
				touchpoint.email().messageId(), status, claimant, Timestamp.from(now), touchpoint.processInstanceId());
	}

	boolean takeOver(String key, String staleClaimant, String claimant, Instant now) {
		return jdbc.update("""
				update touchpoint_delivery set claimed_by = ?, claimed_at = ?
				where idempotency_key = ? and status = 'sending' and claimed_by = ?""", claimant, Timestamp.from(now), key,
				staleClaimant) == 1;
	}

	void markSent(String key, String claimant, Instant now) {
		jdbc.update("""
				update touchpoint_delivery set status = 'sent', sent_at = ?
				where idempotency_key = ? and claimed_by = ?""", Timestamp.from(now), key, claimant);
	}

	void release(String key, String claimant) {
		jdbc.update("delete from touchpoint_delivery where idempotency_key = ? and status = 'sending' and claimed_by = ?",
				key, claimant);
	}

	/** When the customer's optional emails since {@code since} were sent (or claimed), oldest first. */
	List<Instant> optionalSendsSince(long customerId, Instant since) {
		return jdbc.query("""
				select coalesce(sent_at, claimed_at) as at from touchpoint_delivery
				where customer_id = ? and category in %s and status in ('sending', 'sent')
				  and coalesce(sent_at, claimed_at) > ?
				order by at""".formatted(OPTIONAL_CATEGORIES), (rs, row) -> rs.getTimestamp("at").toInstant(),
				customerId, Timestamp.from(since));
	}

	Optional<Instant> lastSent(long customerId, String templateId) {
		return Optional.ofNullable(jdbc.queryForObject("select max(sent_at) from touchpoint_delivery where customer_id = ? "
				+ "and template_id = ? and status = '" + SENT + "'", Timestamp.class, customerId, templateId))
			.map(Timestamp::toInstant);
	}

}
