package io.touchpoints.customer;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** All customers, found by the CRM's reference. */
public interface Customers extends ListCrudRepository<Customer, Long> {

	Optional<Customer> findByExternalRef(String externalRef);

}
