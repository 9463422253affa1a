package io.touchpoints.customer;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.touchpoints.system.NoControlCharacters;

/**
 * Body of {@code POST /api/subscriptions/{purchaseId}/cancellation}: the reasons (codes of
 * {@link CancellationReasons}), the customer's or billing's words, and when it takes effect ({@code immediately}
 * when absent). {@code reason} is the old name of {@code comment}, still accepted.
 */
record CancellationRequest(
		@Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z0-9_]{1,40}",
				message = "must be a reason code: 1 to 40 lowercase letters, digits or underscores")
		@KnownCancellationReason String> reasons,
		@Size(max = 2000) @NoControlCharacters(lineBreaksAllowed = true) String comment,
		@Size(max = 2000) @NoControlCharacters(lineBreaksAllowed = true) String reason,
		@Pattern(regexp = "end_of_term|immediately", message = "must be end_of_term or immediately") String effective) {

	static final CancellationRequest NONE = new CancellationRequest(null, null, null, null);

}
