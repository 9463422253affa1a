package io.touchpoints.customer;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.Groups;
import io.touchpoints.system.NoControlCharacters;

/** Subscriptions as billing changes them. */
@RestController
@AllowedGroups(Groups.INTEGRATION)
class SubscriptionController {

	private final SubscriptionCancellations cancellations;

	SubscriptionController(SubscriptionCancellations cancellations) {
		this.cancellations = cancellations;
	}

	/** Body of a cancellation: why, in billing's or the customer's words. */
	record Cancellation(@Size(max = 500) @NoControlCharacters(lineBreaksAllowed = true) String reason) {
	}

	/** A subscription's state after a change. */
	record SubscriptionState(String purchaseId, Subscription.Status status, Instant cancelledAt, String reason) {
	}

	@PostMapping("/api/subscriptions/{purchaseId}/cancellation")
	SubscriptionState cancel(@PathVariable @ExternalId String purchaseId,
			@Valid @RequestBody(required = false) Cancellation request) {
		Subscription cancelled = cancellations.cancel(purchaseId, request == null ? null : request.reason());
		return new SubscriptionState(cancelled.getPurchaseId(), cancelled.getStatus(), cancelled.getCancelledAt(),
				cancelled.getCancellationReason());
	}

}
