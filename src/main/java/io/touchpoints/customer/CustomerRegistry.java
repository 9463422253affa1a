package io.touchpoints.customer;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.touchpoints.system.NotFoundException;

/** Keeps customers in step with the CRM. */
@Service
public class CustomerRegistry {

	private final Customers customers;

	private final Clock clock;

	CustomerRegistry(Customers customers, Clock clock) {
		this.customers = customers;
		this.clock = clock;
	}

	/** The result of a create-or-update: the customer as stored and whether it was new. */
	record Upserted(Customer customer, boolean created) {
	}

	@Transactional
	Upserted upsert(String externalRef, CustomerDetails details) {
		Optional<Customer> existing = customers.findByExternalRef(externalRef);
		if (existing.isPresent()) {
			Customer customer = existing.get();
			customer.update(details, clock.instant());
			return new Upserted(customers.save(customer), false);
		}
		return new Upserted(customers.save(Customer.create(externalRef, details, clock.instant())), true);
	}

	@Transactional(readOnly = true)
	public Optional<Customer> find(String externalRef) {
		return customers.findByExternalRef(externalRef);
	}

	/** The customer, or a not-found problem naming the request field that referred to it. */
	@Transactional(readOnly = true)
	public Customer require(String externalRef, String field) {
		return customers.findByExternalRef(externalRef)
			.orElseThrow(() -> new NotFoundException(field, "No customer with externalRef '" + externalRef
					+ "'; create it with PUT /api/customers/" + externalRef + " first"));
	}

	@Transactional(readOnly = true)
	public Optional<Customer> findById(long id) {
		return customers.findById(id);
	}

	/** The customer's locale ({@code es-ES}, say), one statement: for pages that show nothing else of them. */
	public Optional<String> localeOf(long id) {
		return customers.findLocaleById(id);
	}

}
