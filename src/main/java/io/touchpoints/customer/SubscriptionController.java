package io.touchpoints.customer;

import jakarta.validation.Valid;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.Groups;
import io.touchpoints.system.Retrying;

/** Subscriptions as billing changes, renews and cancels them. */
@RestController
@AllowedGroups(Groups.INTEGRATION)
class SubscriptionController {

	private final SubscriptionChanges changes;

	private final SubscriptionCancellations cancellations;

	SubscriptionController(SubscriptionChanges changes, SubscriptionCancellations cancellations) {
		this.changes = changes;
		this.cancellations = cancellations;
	}

	@PutMapping("/api/subscriptions/{purchaseId}")
	SubscriptionView change(@PathVariable @ExternalId String purchaseId,
			@Valid @RequestBody SubscriptionChangeRequest request) {
		// A journey's job running while billing changes its subscription (a reminder firing as its date moves, a
		// lifecycle job as the customer churns) is a lost race like any other: the request runs again.
		return SubscriptionView.of(Retrying.onConcurrentWrite(() -> changes.change(purchaseId, request),
				OptimisticLockingException.class));
	}

	@PostMapping("/api/subscriptions/{purchaseId}/renewal")
	SubscriptionView renew(@PathVariable @ExternalId String purchaseId, @Valid @RequestBody RenewalRequest request) {
		return SubscriptionView.of(Retrying.onConcurrentWrite(() -> changes.renew(purchaseId, request),
				OptimisticLockingException.class));
	}

	@PostMapping("/api/subscriptions/{purchaseId}/cancellation")
	SubscriptionView cancel(@PathVariable @ExternalId String purchaseId,
			@Valid @RequestBody(required = false) CancellationRequest request) {
		return SubscriptionView.of(Retrying.onConcurrentWrite(
				() -> cancellations.cancel(purchaseId, request == null ? CancellationRequest.NONE : request),
				OptimisticLockingException.class));
	}

}
