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

	@PersistenceCreator
	Subscription(Long id, Long version, AggregateReference<Customer, Long> customerId, String purchaseId, String plan,
			LocalDate startDate, LocalDate renewalDate, boolean migrating, Status status, String processInstanceId,
			Instant createdAt) {
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
	}

	static Subscription start(Customer customer, PurchaseRequest purchase, Instant now) {
		return new Subscription(null, null, AggregateReference.to(customer.getId()), purchase.purchaseId(),
				purchase.plan(), purchase.startDate(), purchase.renewalDate(), purchase.isMigrating(), Status.ACTIVE,
				null, now);
	}

	void journeyStarted(String processInstanceId) {
		this.processInstanceId = processInstanceId;
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

}
