package io.touchpoints.touchpoint;

import java.util.ArrayList;
import java.util.List;

/** The rules every mail template follows, checked at start-up and on preview. */
final class TemplateChecks {

	private TemplateChecks() {
	}

	static List<String> problemsOf(MailTemplate template) {
		List<String> problems = new ArrayList<>();
		for (String variable : template.variables()) {
			if (!TemplateVariables.ALL.contains(variable)) {
				problems.add(template.source("html/.txt") + " uses unknown variable {{" + variable + "}}; known: "
						+ TemplateVariables.ALL);
			}
		}
		if (template.category().isOptional()) {
			String link = "{{" + TemplateVariables.PREFERENCES_LINK + "}}";
			if (!template.html().contains(link) || !template.text().contains(link)) {
				problems.add(template.source("html/.txt") + " is a " + template.category().value()
						+ " email and must show " + link + " (the customer's email preferences) in both parts");
			}
		}
		return problems;
	}

}
