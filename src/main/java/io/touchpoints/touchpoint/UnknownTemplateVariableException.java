package io.touchpoints.touchpoint;

import java.util.Collection;
import java.util.TreeSet;

/** A template names a variable that does not exist; says which template, which variable and what exists. */
public class UnknownTemplateVariableException extends RuntimeException {

	UnknownTemplateVariableException(String template, String variable, Collection<String> known) {
		super("Mail template " + template + " uses unknown variable {{" + variable + "}}; known variables: "
				+ new TreeSet<>(known));
	}

}
