package io.touchpoints.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All check-ins, by id, by the touchpoint that scheduled them, or a customer's upcoming ones. */
interface CheckIns extends ListCrudRepository<CheckIn, String> {

	Optional<CheckIn> findByIdempotencyKey(String idempotencyKey);

	@Query("select * from check_in where customer_id = :customerId and status = 'SCHEDULED' and starts_at > :after order by starts_at")
	List<CheckIn> findScheduledOfCustomerAfter(Long customerId, Instant after);

}
