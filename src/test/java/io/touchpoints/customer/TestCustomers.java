package io.touchpoints.customer;

import java.math.BigDecimal;

/** Creates customers directly through the registry, for tests that have no HTTP server. */
public final class TestCustomers {

	private TestCustomers() {
	}

	public static void create(CustomerRegistry registry, String externalRef, String name, BigDecimal annualValue) {
		registry.upsert(externalRef,
				new CustomerDetails(name, externalRef + "@example.com", "es", "Europe/Madrid", "standard", annualValue));
	}

}
