package io.touchpoints.system;

import java.util.List;
import java.util.Map;

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

	private static final Map<String, String> LEADS = Map.of(CSM, CSM_LEADS, SUPPORT, SUPPORT_LEADS);

	/** The group that leads a team's tasks (may see and release them), or null when the team has no lead group. */
	public static String leadOf(String team) {
		return LEADS.get(team);
	}

	/** The teams whose tasks this lead group leads. */
	public static List<String> ledBy(String leadGroup) {
		return LEADS.entrySet().stream().filter(lead -> lead.getValue().equals(leadGroup)).map(Map.Entry::getKey).toList();
	}

	private Groups() {
	}

}
