package io.touchpoints.touchpoint;

import java.util.Collection;
import java.util.TreeSet;

/** A template names a variable that this email does not provide; says which template, which variable and what exists. */
public class UnknownTemplateVariableException extends RuntimeException {

	UnknownTemplateVariableException(String template, String variable, Collection<String> known) {
		super("Mail template " + template + " uses {{" + variable + "}}, which this email does not provide; available: "
				+ new TreeSet<>(known));
	}

}
