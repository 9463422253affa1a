package io.touchpoints.touchpoint;

import static io.touchpoints.process.DelegateInputs.required;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.touchpoints.sandbox.ModelBean;

/**
 * Emails one of our teams (input {@code team}, a Camunda group with a configured address) from an internal mail
 * template, at most once per touchpoint. Template variables {@code task.*} come from the same-named inputs
 * ({@code taskName}, {@code taskDueDate}, {@code taskCandidateGroup}, {@code taskLink}, {@code taskCustomerName}).
 */
@ModelBean
@Component("notifyTeamDelegate")
class NotifyTeamDelegate implements JavaDelegate {

	private final TeamEmails teamEmails;

	NotifyTeamDelegate(TeamEmails teamEmails) {
		this.teamEmails = teamEmails;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String team = required(execution, "team");
		String templateId = required(execution, SendEmailDelegate.TEMPLATE_ID);
		Map<String, String> values = new HashMap<>();
		for (String variable : TemplateVariables.TASK) {
			String input = "task" + Character.toUpperCase(variable.charAt(5)) + variable.substring(6);
			Object value = execution.getVariable(input);
			if (value != null) {
				values.put(variable, value.toString());
			}
		}
		teamEmails.send(team, templateId, IdempotencyKeys.of(execution), values, execution.getProcessInstanceId());
	}

}
