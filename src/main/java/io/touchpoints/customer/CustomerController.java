package io.touchpoints.customer;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.Groups;
import io.touchpoints.system.Retrying;

/** Customers as the CRM reports them. */
@RestController
@RequestMapping("/api/customers/{externalRef}")
@AllowedGroups(Groups.INTEGRATION)
class CustomerController {

	private final CustomerRegistry registry;

	private final Subscriptions subscriptions;

	CustomerController(CustomerRegistry registry, Subscriptions subscriptions) {
		this.registry = registry;
		this.subscriptions = subscriptions;
	}

	@PutMapping
	ResponseEntity<CustomerView> put(@PathVariable @ExternalId String externalRef,
			@Valid @RequestBody CustomerRequest request) {
		var upserted = Retrying.onConcurrentWrite(() -> registry.upsert(externalRef, request.details()));
		CustomerView view = view(upserted.customer());
		return upserted.created() ? ResponseEntity.created(URI.create("/api/customers/" + externalRef)).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping
	CustomerView get(@PathVariable @ExternalId String externalRef) {
		return view(registry.require(externalRef, "externalRef"));
	}

	private CustomerView view(Customer customer) {
		return CustomerView.of(customer, subscriptions.findAllOfCustomer(customer.getId()));
	}

}
