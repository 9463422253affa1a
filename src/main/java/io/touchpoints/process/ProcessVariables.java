package io.touchpoints.process;

import java.util.Set;

/** Names of process variables that code and models share; renaming one breaks deployed models. */
public final class ProcessVariables {

	public static final String CUSTOMER_REF = "customerRef";

	public static final String CUSTOMER_NAME = "customerName";

	public static final String PURCHASE_ID = "purchaseId";

	public static final String PLAN = "plan";

	public static final String MIGRATING = "migrating";

	/** Set when an onboarding completes; the lifecycle reads it to move the customer on. */
	public static final String ONBOARDING_COMPLETED = "onboardingCompleted";

	/** Set by the kickoff call form. */
	public static final String CALL_DATE = "callDate";

	/** Set by the kickoff call form. */
	public static final String NOTES = "notes";

	/** Set by the kickoff call form. */
	public static final String MIGRATION_NEEDED = "migrationNeeded";

	/** The process variables mail templates may show as {@code {{process.<name>}}}. */
	public static final Set<String> FOR_TEMPLATES = Set.of(PLAN, PURCHASE_ID, CALL_DATE);

	private ProcessVariables() {
	}

}
