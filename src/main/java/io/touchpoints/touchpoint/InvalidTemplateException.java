package io.touchpoints.touchpoint;

import java.nio.file.Path;

/** A template file that cannot be used as it is; names the file and the problem. */
class InvalidTemplateException extends RuntimeException {

	InvalidTemplateException(Path file, String problem) {
		super("Mail template " + file.toAbsolutePath() + " " + problem);
	}

	InvalidTemplateException(String problems) {
		super(problems);
	}

}
