package io.touchpoints.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import io.touchpoints.system.NotFoundException;

/** All subscriptions, found by the billing system's purchase id or by customer. */
public interface Subscriptions extends ListCrudRepository<Subscription, Long> {

	Optional<Subscription> findByPurchaseId(String purchaseId);

	static NotFoundException notFound(String purchaseId) {
		return new NotFoundException("purchaseId", "No subscription with purchaseId '" + purchaseId + "'");
	}

	/** Records the lifecycle a purchase joined (the purchase's answer shows it). */
	@Modifying
	@Query("update subscription set process_instance_id = :processInstanceId where purchase_id = :purchaseId")
	void joinedLifecycle(String purchaseId, String processInstanceId);

	/**
	 * Locks every subscription of the customer, in one order, until the transaction ends: whether a cancellation
	 * leaves the customer with nothing active is then decided by one transaction at a time.
	 */
	@Query("select id from subscription where customer_id = :customerId order by id for update")
	List<Long> lockAllOfCustomer(Long customerId);

	/** The subscription, locked until the transaction ends (its renewal date read while nobody moves it). */
	@Query("select * from subscription where purchase_id = :purchaseId for update")
	Optional<Subscription> lockByPurchaseId(String purchaseId);

	@Query("select * from subscription where customer_id = :customerId order by start_date, id")
	List<Subscription> findAllOfCustomer(Long customerId);

	/** When the customer's earliest active subscription started: where their days as a customer count from. */
	@Query("select min(start_date) from subscription where customer_id = :customerId and status = 'ACTIVE'")
	Optional<java.time.LocalDate> firstActiveStart(Long customerId);

}
