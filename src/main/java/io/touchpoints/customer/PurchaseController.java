package io.touchpoints.customer;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.Groups;
import io.touchpoints.system.Retrying;

/** Purchases as billing reports them; each starts the customer's onboarding. */
@RestController
@AllowedGroups(Groups.INTEGRATION)
class PurchaseController {

	private final PurchaseRecorder purchases;

	PurchaseController(PurchaseRecorder purchases) {
		this.purchases = purchases;
	}

	@PostMapping("/api/customers/{externalRef}/purchases")
	ResponseEntity<PurchaseView> purchase(@PathVariable @ExternalId String externalRef,
			@Valid @RequestBody PurchaseRequest request) {
		var recorded = Retrying.onConcurrentWrite(() -> purchases.record(externalRef, request));
		PurchaseView view = PurchaseView.of(externalRef, recorded.subscription());
		return recorded.created() ? ResponseEntity.status(201).body(view) : ResponseEntity.ok(view);
	}

}
