package io.touchpoints.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.touchpoints.system.FieldProblem;

/** How a request's terms differ from the recorded ones, field by field, for a conflict's problem document. */
final class SubscriptionTermsDifferences {

	private SubscriptionTermsDifferences() {
	}

	static List<FieldProblem> between(SubscriptionTerms recorded, SubscriptionTerms requested) {
		List<FieldProblem> differences = new ArrayList<>();
		if (!Objects.equals(recorded.plan(), requested.plan())) {
			differences.add(new FieldProblem("plan", "differs from the recorded '" + recorded.plan() + "'"));
		}
		if (!Objects.equals(recorded.renewalDate(), requested.renewalDate())) {
			differences.add(new FieldProblem("renewalDate", "differs from the recorded " + recorded.renewalDate()));
		}
		if (!Objects.equals(recorded.annualValue(), requested.annualValue())) {
			differences.add(new FieldProblem("annualValue", "differs from the recorded " + recorded.annualValue()));
		}
		if (!Objects.equals(recorded.seats(), requested.seats())) {
			differences.add(new FieldProblem("seats", "differs from the recorded " + recorded.seats()));
		}
		return differences;
	}

}
