package io.touchpoints.customer;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.Groups;
import io.touchpoints.system.NotFoundException;
import io.touchpoints.system.Retrying;

/** Customers and their purchases, as other systems (CRM, billing) report them. */
@RestController
@RequestMapping("/api/customers/{externalRef}")
@AllowedGroups(Groups.INTEGRATION)
class CustomerController {

	private final CustomerRegistry registry;

	private final PurchaseRecorder purchases;

	private final Subscriptions subscriptions;

	CustomerController(CustomerRegistry registry, PurchaseRecorder purchases, Subscriptions subscriptions) {
		this.registry = registry;
		this.purchases = purchases;
		this.subscriptions = subscriptions;
	}

	@PutMapping
	ResponseEntity<CustomerView> put(@PathVariable @Pattern(regexp = ExternalIds.PATTERN,
			message = ExternalIds.MESSAGE) String externalRef, @Valid @RequestBody CustomerRequest request) {
		var upserted = Retrying.onConcurrentWrite(() -> registry.upsert(externalRef, request.details()));
		CustomerView view = view(upserted.customer());
		return upserted.created() ? ResponseEntity.created(URI.create("/api/customers/" + externalRef)).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping
	CustomerView get(@PathVariable String externalRef) {
		return registry.find(externalRef)
			.map(this::view)
			.orElseThrow(() -> new NotFoundException("externalRef", "No customer with externalRef '" + externalRef + "'"));
	}

	@PostMapping("/purchases")
	ResponseEntity<PurchaseView> purchase(@PathVariable String externalRef, @Valid @RequestBody PurchaseRequest request) {
		var recorded = Retrying.onConcurrentWrite(() -> purchases.record(externalRef, request));
		PurchaseView view = PurchaseView.of(externalRef, recorded.subscription());
		return recorded.created() ? ResponseEntity.status(201).body(view) : ResponseEntity.ok(view);
	}

	private CustomerView view(Customer customer) {
		return CustomerView.of(customer, subscriptions.findAllOfCustomer(customer.getId()));
	}

}
