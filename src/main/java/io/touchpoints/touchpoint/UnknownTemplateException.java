package io.touchpoints.touchpoint;

import java.nio.file.Path;

/** A template id with no template behind it. */
public class UnknownTemplateException extends RuntimeException {

	UnknownTemplateException(String id, Path expected) {
		super("No mail template '" + id + "': expected " + expected);
	}

}
