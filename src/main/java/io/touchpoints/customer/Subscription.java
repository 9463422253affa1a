package io.touchpoints.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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

	private String plan;

	private final LocalDate startDate;

	private LocalDate renewalDate;

	private BigDecimal annualValue;

	private Integer seats;

	private final boolean migrating;

	private Status status;

	private String processInstanceId;

	private final Instant createdAt;

	private Instant cancelledAt;

	private String cancellationReason;

	private String cancellationReasons;

	private Instant cancellationRequestedAt;

	private LocalDate endsOn;

	@PersistenceCreator
	Subscription(Long id, Long version, AggregateReference<Customer, Long> customerId, String purchaseId, String plan,
			LocalDate startDate, LocalDate renewalDate, BigDecimal annualValue, Integer seats, boolean migrating,
			Status status, String processInstanceId, Instant createdAt, Instant cancelledAt, String cancellationReason,
			String cancellationReasons, Instant cancellationRequestedAt, LocalDate endsOn) {
		this.id = id;
		this.version = version;
		this.customerId = customerId;
		this.purchaseId = purchaseId;
		this.plan = plan;
		this.startDate = startDate;
		this.renewalDate = renewalDate;
		this.annualValue = annualValue;
		this.seats = seats;
		this.migrating = migrating;
		this.status = status;
		this.processInstanceId = processInstanceId;
		this.createdAt = createdAt;
		this.cancelledAt = cancelledAt;
		this.cancellationReason = cancellationReason;
		this.cancellationReasons = cancellationReasons;
		this.cancellationRequestedAt = cancellationRequestedAt;
		this.endsOn = endsOn;
	}

	public static Subscription start(long customerId, String purchaseId, SubscriptionTerms terms, LocalDate startDate,
			boolean migrating, Instant now) {
		return new Subscription(null, null, AggregateReference.to(customerId), purchaseId, terms.plan(), startDate,
				terms.renewalDate(), terms.annualValue(), terms.seats(), migrating, Status.ACTIVE, null, now, null, null,
				null, null, null);
	}

	public SubscriptionTerms terms() {
		return new SubscriptionTerms(plan, renewalDate, annualValue, seats);
	}

	/** Takes billing's terms; false when they are the ones it has. */
	boolean change(SubscriptionTerms terms) {
		if (terms().equals(terms)) {
			return false;
		}
		this.plan = terms.plan();
		this.renewalDate = terms.renewalDate();
		this.annualValue = terms.annualValue();
		this.seats = terms.seats();
		if (endsOn != null) {
			// A cancellation at the end of the term follows the term.
			this.endsOn = renewalDate;
		}
		return true;
	}

	/** A renewal runs the subscription on to new terms, and a cancellation it had planned for its term's end is void. */
	void renew(SubscriptionTerms terms) {
		change(terms);
		this.endsOn = null;
		this.cancellationReasons = null;
		this.cancellationReason = null;
		this.cancellationRequestedAt = null;
	}

	/** The customer cancelled as of the end of the term: still active until {@code endsOn}, the renewal date. */
	void cancelAtEndOfTerm(SubscriptionCancellation cancellation, Instant at) {
		recordWhy(cancellation, at);
		this.endsOn = renewalDate;
	}

	/** Ends the subscription now (cancelled immediately, or its term ended after a cancellation). */
	void end(SubscriptionCancellation cancellation, Instant at) {
		if (cancellation != null) {
			recordWhy(cancellation, at);
			// Brought forward, if it was to end with its term: it ends now.
			this.endsOn = null;
		}
		this.status = Status.CANCELLED;
		this.cancelledAt = at;
	}

	private void recordWhy(SubscriptionCancellation cancellation, Instant at) {
		this.cancellationReasons = cancellation.reasons().isEmpty() ? null : String.join(" ", cancellation.reasons());
		this.cancellationReason = cancellation.comment();
		this.cancellationRequestedAt = at;
	}

	/** The cancellation recorded for this subscription, scheduled or done; null when there is none. */
	public SubscriptionCancellation cancellation() {
		if (cancellationRequestedAt == null && status == Status.ACTIVE) {
			return null;
		}
		return new SubscriptionCancellation(getCancellationReasons(), cancellationReason,
				endsOn == null ? SubscriptionCancellation.Effective.IMMEDIATELY : SubscriptionCancellation.Effective.END_OF_TERM);
	}

	public boolean isActive() {
		return status == Status.ACTIVE;
	}

	/** Active, with a cancellation that takes effect on {@link #getEndsOn()}. */
	public boolean isEnding() {
		return status == Status.ACTIVE && endsOn != null;
	}

	public Long getId() {
		return id;
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

	public BigDecimal getAnnualValue() {
		return annualValue;
	}

	public Integer getSeats() {
		return seats;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public List<String> getCancellationReasons() {
		return cancellationReasons == null ? List.of() : Arrays.asList(cancellationReasons.split(" "));
	}

	public Instant getCancellationRequestedAt() {
		return cancellationRequestedAt;
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
