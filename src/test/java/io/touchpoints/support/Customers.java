package io.touchpoints.support;

import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;

/** Creates customers through the real API, each with a reference of its own. */
@TestComponent
public class Customers {

	private final Api api;

	private final TestUsers users;

	Customers(Api api, TestUsers users) {
		this.api = api;
		this.users = users;
	}

	/** A new customer; returns its reference, which is also the local part of its email address. */
	public String create(String name, String locale, String timeZone) {
		return create(name, locale, timeZone, "standard", 1000);
	}

	public String create(String name, String locale, String timeZone, String tier, int annualValue) {
		String ref = "c-" + UUID.randomUUID();
		var response = api.put(users.integration(), "/api/customers/" + ref, """
				{"name":%s,"email":"%s@example.com","locale":"%s","timeZone":"%s","tier":"%s","annualValue":%d}"""
			.formatted(Api.json(name), ref, locale, timeZone, tier, annualValue));
		if (response.getStatusCode() != HttpStatus.CREATED) {
			throw new IllegalStateException("Cannot create customer: " + response);
		}
		return ref;
	}

	/** Records a purchase; returns the onboarding journey's process instance id. */
	public String purchase(String ref, boolean migrating) {
		return api.post(users.integration(), "/api/customers/" + ref + "/purchases", Api.purchaseJson("po-" + ref, migrating))
			.getBody()
			.get("processInstanceId")
			.asText();
	}

	public static String email(String ref) {
		return ref + "@example.com";
	}

}
