package io.touchpoints.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * Where the models and mail templates come from: the folder a setting names (which must exist); otherwise the
 * folder of that name where the service runs (a checkout, where edits take effect at the next start); otherwise
 * the copy bundled in the jar, so that the packaged service runs from any folder.
 */
public final class ContentFolders {

	private static final Logger log = LoggerFactory.getLogger(ContentFolders.class);

	private ContentFolders() {
	}

	/**
	 * @param configured the setting's folder, or null when unset
	 * @param name the folder's name next to the service and in the jar ({@code processes}, {@code templates})
	 * @param setting the setting's name, for the message when its folder is missing
	 */
	public static Path resolve(Path configured, String name, String setting) {
		if (configured != null) {
			if (!Files.isDirectory(configured)) {
				throw new IllegalStateException(setting + " names " + configured.toAbsolutePath()
						+ ", which is not a folder");
			}
			return configured;
		}
		Path local = Path.of(name);
		if (Files.isDirectory(local)) {
			return local;
		}
		Path extracted = extractBundled(name);
		log.info("No folder '{}' here and {} unset: using the {} bundled in the service", name, setting, name);
		return extracted;
	}

	private static Path extractBundled(String name) {
		try {
			Path target = Files.createTempDirectory("touchpoints-" + name + "-");
			// A folder is removed on exit only when empty: remove the copy with everything in it.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(target.toFile())));
			String prefix = "bundled/" + name + "/";
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + prefix + "**")) {
				String url = resource.getURL().toString();
				if (!resource.isReadable() || url.endsWith("/")) {
					continue;
				}
				Path file = target.resolve(url.substring(url.lastIndexOf(prefix) + prefix.length())).normalize();
				if (!file.startsWith(target)) {
					continue;
				}
				Files.createDirectories(file.getParent());
				try (InputStream in = resource.getInputStream()) {
					Files.copy(in, file);
				}
			}
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the " + name + " bundled in the service", e);
		}
	}

}
