package io.touchpoints.process;

/** Names of process variables that code and models share; renaming one breaks deployed models. */
public final class ProcessVariables {

	public static final String CUSTOMER_REF = "customerRef";

	public static final String CUSTOMER_NAME = "customerName";

	public static final String PURCHASE_ID = "purchaseId";

	public static final String PLAN = "plan";

	public static final String MIGRATING = "migrating";

	/** Set by the kickoff call form. */
	public static final String CALL_DATE = "callDate";

	/** Set by the kickoff call form. */
	public static final String NOTES = "notes";

	/** Set by the kickoff call form. */
	public static final String MIGRATION_NEEDED = "migrationNeeded";

	private ProcessVariables() {
	}

}
