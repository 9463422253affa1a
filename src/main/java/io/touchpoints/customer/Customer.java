package io.touchpoints.customer;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A customer as the CRM knows it, identified across systems by {@code externalRef}. */
@Table
public class Customer {

	@Id
	private Long id;

	@Version
	private Long version;

	private final String externalRef;

	private String name;

	private String email;

	private String locale;

	private String timeZone;

	private String tier;

	private BigDecimal annualValue;

	private LifecycleStage stage;

	private final Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	Customer(Long id, Long version, String externalRef, String name, String email, String locale, String timeZone,
			String tier, BigDecimal annualValue, LifecycleStage stage, Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.version = version;
		this.externalRef = externalRef;
		this.name = name;
		this.email = email;
		this.locale = locale;
		this.timeZone = timeZone;
		this.tier = tier;
		this.annualValue = annualValue;
		this.stage = stage;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static Customer create(String externalRef, CustomerDetails details, Instant now) {
		Customer customer = new Customer(null, null, externalRef, null, null, null, null, null, null,
				LifecycleStage.CONVERSION, now, now);
		customer.update(details, now);
		return customer;
	}

	void update(CustomerDetails details, Instant now) {
		this.name = details.name();
		this.email = details.email();
		this.locale = details.locale();
		this.timeZone = details.timeZone();
		this.tier = details.tier();
		this.annualValue = details.annualValue();
		this.updatedAt = now;
	}

	void moveTo(LifecycleStage stage, Instant now) {
		this.stage = stage;
		this.updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getExternalRef() {
		return externalRef;
	}

	public String getName() {
		return name;
	}

	public String getEmail() {
		return email;
	}

	public String getLocale() {
		return locale;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public String getTier() {
		return tier;
	}

	public BigDecimal getAnnualValue() {
		return annualValue;
	}

	public LifecycleStage getStage() {
		return stage;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
