package io.touchpoints.process;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.touchpoints.system.ContentFolders;

/**
 * The folder of models deployed at start-up ({@code touchpoints.processes-dir}); unset: {@code ./processes} when
 * there is one, else the models bundled in the service.
 */
@ConfigurationProperties("touchpoints")
public record ModelSettings(Path processesDir) {

	public Path modelsFolder() {
		return ContentFolders.resolve(processesDir, "processes", "TOUCHPOINTS_PROCESSES_DIR");
	}

}
