package io.touchpoints.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys every BPMN, DMN and form below the models folder as one named deployment. Only changed files
 * become new versions, so restarts and identical cluster nodes create nothing new.
 */
public class ProcessModelDeployer {

	public static final String DEPLOYMENT_NAME = "touchpoints";

	private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

	private static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".dmn", ".form");

	private final ProcessEngine engine;

	public ProcessModelDeployer(ProcessEngine engine) {
		this.engine = engine;
	}

	public Deployment deploy(Path folder, String deploymentName) {
		List<Path> models = modelsIn(folder);
		DeploymentBuilder builder = engine.getRepositoryService()
			.createDeployment()
			.name(deploymentName)
			.source(folder.toString())
			.enableDuplicateFiltering(true);
		for (Path model : models) {
			ModelSyntax.check(folder, model);
			String resourceName = folder.relativize(model).toString().replace('\\', '/');
			builder.addInputStream(resourceName, read(model));
		}
		long deploymentsBefore = deploymentsNamed(deploymentName);
		try {
			Deployment deployment = builder.deploy();
			if (deploymentsNamed(deploymentName) > deploymentsBefore) {
				log.info("Deployed the changed models of {} as '{}' (deployment {})", folder.toAbsolutePath(),
						deploymentName, deployment.getId());
			}
			else {
				log.info("The {} model(s) in {} are unchanged; nothing deployed", models.size(), folder.toAbsolutePath());
			}
			return deployment;
		}
		catch (ParseException e) {
			throw new InvalidModelException(folder, e);
		}
	}

	private long deploymentsNamed(String deploymentName) {
		return engine.getRepositoryService().createDeploymentQuery().deploymentName(deploymentName).count();
	}

	static List<Path> modelsIn(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new IllegalStateException("Models folder " + folder.toAbsolutePath()
					+ " does not exist; set touchpoints.processes-dir (TOUCHPOINTS_PROCESSES_DIR) to the folder holding the BPMN, DMN and form files");
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile)
				.filter(ProcessModelDeployer::isModel)
				.filter(path -> !folder.relativize(path).toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list models in " + folder.toAbsolutePath(), e);
		}
	}

	private static boolean isModel(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return MODEL_SUFFIXES.stream().anyMatch(name::endsWith);
	}

	private static InputStream read(Path model) {
		try {
			return Files.newInputStream(model);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read model " + model.toAbsolutePath(), e);
		}
	}

}
