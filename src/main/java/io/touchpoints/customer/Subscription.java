package io.touchpoints.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Table;

/** What a customer bought, identified by the billing system's {@code purchaseId}. */
@Table
public class Subscription {

	/** Lifecycle of a subscription. */
	public enum Status {

		ACTIVE, CANCELLED;

		@JsonValue
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	@Id
	private Long id;

	@Version
	private Long version;

	private final AggregateReference<Customer, Long> customerId;

	private final String purchaseId;

	private final String plan;

	private final LocalDate startDate;

	private final LocalDate renewalDate;

	private final boolean migrating;

	private Status status;

	private String processInstanceId;

	private final Instant createdAt;

	private Instant cancelledAt;

	private String cancellationReason;

	@PersistenceCreator
	Subscription(Long id, Long version, AggregateReference<Customer, Long> customerId, String purchaseId, String plan,
			LocalDate startDate, LocalDate renewalDate, boolean migrating, Status status, String processInstanceId,
			Instant createdAt, Instant cancelledAt, String cancellationReason) {
		this.id = id;
		this.version = version;
		this.customerId = customerId;
		this.purchaseId = purchaseId;
		this.plan = plan;
		this.startDate = startDate;
		this.renewalDate = renewalDate;
		this.migrating = migrating;
		this.status = status;
		this.processInstanceId = processInstanceId;
		this.createdAt = createdAt;
		this.cancelledAt = cancelledAt;
		this.cancellationReason = cancellationReason;
	}

	public static Subscription start(long customerId, String purchaseId, String plan, LocalDate startDate,
			LocalDate renewalDate, boolean migrating, Instant now) {
		return new Subscription(null, null, AggregateReference.to(customerId), purchaseId, plan, startDate, renewalDate,
				migrating, Status.ACTIVE, null, now, null, null);
	}

	/** Ends the subscription; false when it had already ended. */
	boolean cancel(Instant at, String reason) {
		if (status == Status.CANCELLED) {
			return false;
		}
		this.status = Status.CANCELLED;
		this.cancelledAt = at;
		this.cancellationReason = reason;
		return true;
	}

	public AggregateReference<Customer, Long> getCustomerId() {
		return customerId;
	}

	public String getPurchaseId() {
		return purchaseId;
	}

	public String getPlan() {
		return plan;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public LocalDate getRenewalDate() {
		return renewalDate;
	}

	public boolean isMigrating() {
		return migrating;
	}

	public Status getStatus() {
		return status;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getCancelledAt() {
		return cancelledAt;
	}

	public String getCancellationReason() {
		return cancellationReason;
	}

}
