package io.touchpoints.support;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;

import io.touchpoints.customer.CustomerRegistry;
import io.touchpoints.customer.LifecycleStage;
import io.touchpoints.customer.LifecycleStages;
import io.touchpoints.process.ModelNames;

/** Creates customers through the real API, each with a reference of its own. */
@TestComponent
public class Customers {

	private final Api api;

	private final TestUsers users;

	private final RuntimeService runtimeService;

	private final CustomerRegistry registry;

	private final LifecycleStages stages;

	Customers(Api api, TestUsers users, RuntimeService runtimeService, CustomerRegistry registry, LifecycleStages stages) {
		this.api = api;
		this.users = users;
		this.runtimeService = runtimeService;
		this.registry = registry;
		this.stages = stages;
	}

	/** Puts a customer who has no lifecycle running in a stage, as if their lifecycle had moved them there. */
	public void inStage(String ref, LifecycleStage stage) {
		stages.moveTo(registry.require(ref, "customerRef"), stage, "arranged by the test");
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

	/** Records a purchase; returns the process instance id of the onboarding journey the lifecycle called. */
	public String purchase(String ref, boolean migrating) {
		String lifecycle = api.post(users.integration(), "/api/customers/" + ref + "/purchases",
				Api.purchaseJson("po-" + ref, migrating))
			.getBody()
			.get("processInstanceId")
			.asText();
		return onboardingOf(lifecycle);
	}

	/** The onboarding journey running inside a customer's lifecycle. */
	public String onboardingOf(String lifecycleInstanceId) {
		return runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(lifecycleInstanceId)
			.processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING)
			.singleResult()
			.getId();
	}

	public static String email(String ref) {
		return ref + "@example.com";
	}

}
