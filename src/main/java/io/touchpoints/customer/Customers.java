package io.touchpoints.customer;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All customers, found by the CRM's reference. */
public interface Customers extends ListCrudRepository<Customer, Long> {

	Optional<Customer> findByExternalRef(String externalRef);

	/** The customer's language alone: pages anyone may open (a survey link) read nothing more. */
	@Query("select locale from customer where id = :id")
	Optional<String> findLocaleById(long id);

}
