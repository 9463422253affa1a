package io.touchpoints.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Words CX ops keep per language in a folder of {@code <language>.properties} files (check-in topics, cancellation
 * reasons), read on each use so that an edit counts at once. English is the fallback.
 */
public final class LanguageFiles {

	public static final String FALLBACK = "en";

	private final Path folder;

	public LanguageFiles(Path folder) {
		this.folder = folder;
	}

	public Path fileOf(String language) {
		return folder.resolve(language + ".properties");
	}

	/** The entries of one language's file; none when it has no file. */
	public Properties in(String language) {
		Properties words = new Properties();
		Path file = fileOf(language);
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				words.load(reader);
			}
			catch (IOException failed) {
				throw new UncheckedIOException("Cannot read " + file, failed);
			}
		}
		return words;
	}

	/** The key's words in a language, else in English; null when neither has them. */
	public String wordsFor(String key, String language) {
		String words = in(language).getProperty(key);
		return words == null && !FALLBACK.equals(language) ? in(FALLBACK).getProperty(key) : words;
	}

}
