package io.touchpoints.system;

/** The groups Touchpoints creates and relies on; Camunda authorizations are granted to these. */
public final class Groups {

	public static final String ADMIN = "camunda-admin";

	public static final String CX_OPS = "cx-ops";

	public static final String CSM = "csm";

	public static final String SUPPORT = "support";

	/** Team leads of the CSMs: overdue CSM tasks escalate to them. */
	public static final String CSM_LEADS = "csm-leads";

	/** Team leads of support: overdue support tasks escalate to them. */
	public static final String SUPPORT_LEADS = "support-leads";

	public static final String INTEGRATION = "integration";

	private Groups() {
	}

}
