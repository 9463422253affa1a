package io.touchpoints.customer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.touchpoints.system.ContentFolders;
import io.touchpoints.system.LanguageFiles;

/**
 * The reasons a cancellation may give: the keys of {@code templates/cancellation-reasons/en.properties}, which CX ops
 * extend (with their words in each language's file, English when a language has none). Read on each use, so an added
 * code counts at once.
 */
@Component
public class CancellationReasons {

	static final String FOLDER = "cancellation-reasons";

	static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,40}");

	private final LanguageFiles reasons;

	CancellationReasons(@Value("${touchpoints.templates-dir:#{null}}") Path templatesDir) {
		this.reasons = new LanguageFiles(
				ContentFolders.resolve(templatesDir, "templates", "TOUCHPOINTS_TEMPLATES_DIR").resolve(FOLDER));
	}

	/** Refuses to start without the list, or with a code billing could never send. */
	@PostConstruct
	void check() {
		Path english = reasons.fileOf(LanguageFiles.FALLBACK);
		if (!Files.isRegularFile(english)) {
			throw new IllegalStateException("No cancellation reasons at " + english.toAbsolutePath()
					+ ": copy templates/cancellation-reasons from this release into the templates folder");
		}
		List<String> malformed = codes().stream().filter(code -> !CODE.matcher(code).matches()).toList();
		if (!malformed.isEmpty()) {
			throw new IllegalStateException(english.toAbsolutePath() + ": cancellation reason codes must be 1 to 40 "
					+ "lowercase letters, digits or underscores, not " + malformed);
		}
	}

	/** Every code, in alphabetical order. */
	public List<String> codes() {
		return reasons.in(LanguageFiles.FALLBACK).stringPropertyNames().stream().sorted().toList();
	}

	public boolean isKnown(String code) {
		return reasons.in(LanguageFiles.FALLBACK).containsKey(code);
	}

	/** The reason's words in a language ({@code es}); English when that language has none, the code when neither. */
	public String wordsFor(String code, String language) {
		String words = reasons.wordsFor(code, language);
		return words == null ? code : words;
	}

}
