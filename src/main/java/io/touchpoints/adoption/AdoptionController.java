package io.touchpoints.adoption;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.ExternalId;
import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.Groups;

/** The adoption summary of a customer, and the adoption evaluation on demand. */
@RestController
@Validated
class AdoptionController {

	private final AdoptionEvaluation evaluation;

	private final AdoptionSummaries summaries;

	private final CustomerRegistry customers;

	AdoptionController(AdoptionEvaluation evaluation, AdoptionSummaries summaries, CustomerRegistry customers) {
		this.evaluation = evaluation;
		this.summaries = summaries;
		this.customers = customers;
	}

	/** Evaluates every customer with an active subscription now; answers how many were evaluated and flagged. */
	@PostMapping("/api/adoption/evaluations")
	@AllowedGroups(Groups.CX_OPS)
	AdoptionEvaluation.Result evaluate() {
		return evaluation.evaluate();
	}

	@GetMapping("/api/customers/{externalRef}/adoption")
	@AllowedGroups({ Groups.INTEGRATION, Groups.CSM, Groups.SUPPORT, Groups.CSM_LEADS, Groups.SUPPORT_LEADS, Groups.CX_OPS })
	AdoptionSummary summary(@PathVariable @ExternalId String externalRef) {
		return summaries.of(customers.require(externalRef, "externalRef"));
	}

}
