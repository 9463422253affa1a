package io.touchpoints.system;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** A password that breaks the password policy, naming the rules it breaks: a 400 on engine REST and in the webapps. */
class PasswordPolicyException extends BadUserRequestException {

	PasswordPolicyException(List<PasswordPolicyRule> violatedRules) {
		super("The password does not meet the password policy: " + describe(violatedRules));
	}

	/** The rules in words: "at least 10 characters, at least 1 digit(s)". */
	static String describe(List<PasswordPolicyRule> rules) {
		return rules.stream().map(PasswordPolicyException::describe).collect(Collectors.joining(", "));
	}

	private static String describe(PasswordPolicyRule rule) {
		String minimum = rule.getParameters() == null ? "" : String.join("", rule.getParameters().values());
		return switch (rule.getPlaceholder().replace("PASSWORD_POLICY_", "")) {
			case "LENGTH" -> "at least " + minimum + " characters";
			case "LOWERCASE" -> "at least " + minimum + " lowercase letter(s)";
			case "UPPERCASE" -> "at least " + minimum + " uppercase letter(s)";
			case "DIGIT" -> "at least " + minimum + " digit(s)";
			case "SPECIAL" -> "at least " + minimum + " special character(s)";
			case "USER_DATA" -> "none of the user's id, names or email";
			default -> rule.getPlaceholder();
		};
	}

}
