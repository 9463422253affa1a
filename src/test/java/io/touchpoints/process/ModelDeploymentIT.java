package io.touchpoints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.touchpoints.support.IntegrationTest;

/** The models folder becomes one named deployment; only changed files become new versions. */
@IntegrationTest
class ModelDeploymentIT {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repositoryService;

	@TempDir
	Path folder;

	@Test
	void deploysEveryModelOfTheFolderAtStartUp() {
		assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessModelDeployer.DEPLOYMENT_NAME).count())
			.isEqualTo(1);
		ProcessDefinition onboarding = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING)
			.latestVersion()
			.singleResult();
		assertThat(onboarding.getVersion()).isEqualTo(1);
		assertThat(repositoryService.getDeploymentResourceNames(onboarding.getDeploymentId()))
			.contains("customer-onboarding.bpmn", "forms/kickoff-call.form");
	}

	@Test
	void redeployingUnchangedModelsCreatesNoVersion() {
		new ProcessModelDeployer(engine).deploy(Path.of("processes"), ProcessModelDeployer.DEPLOYMENT_NAME);

		assertThat(repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(ModelNames.CUSTOMER_ONBOARDING)
			.latestVersion()
			.singleResult()
			.getVersion()).isEqualTo(1);
	}

	@Test
	void changedModelBecomesNewVersionAndUnchangedOneDoesNot() throws IOException {
		write("greeting.bpmn", process("greeting", "Greeting"));
		write("farewell.bpmn", process("farewell", "Farewell"));
		deployFolder();

		write("greeting.bpmn", process("greeting", "Greeting, renamed"));
		deployFolder();

		assertThat(latestVersionOf("greeting")).isEqualTo(2);
		assertThat(latestVersionOf("farewell")).isEqualTo(1);
	}

	@Test
	void modelThatDoesNotParseIsReportedWithFileAndError() throws IOException {
		write("broken.bpmn", process("broken", "Broken").replace("targetRef=\"end\"", "targetRef=\"nowhere\""));

		assertThatThrownBy(this::deployFolder)
			.isInstanceOf(InvalidModelException.class)
			.hasMessageContaining("broken.bpmn")
			.hasMessageContaining("nowhere");
	}

	@Test
	void modelTheSandboxRefusesIsReportedWithFileLineElementAndWhatToUseInstead() throws IOException {
		write("by-class.bpmn", process("by-class", "By class").replace("<bpmn:endEvent id=\"end\">",
				"<bpmn:serviceTask id=\"ServiceTask_ByClass\" camunda:class=\"com.example.Anything\"/>\n"
						+ "    <bpmn:endEvent id=\"end\">"));

		assertThatThrownBy(this::deployFolder)
			.isInstanceOf(InvalidModelException.class)
			.hasMessageContaining(folder.resolve("by-class.bpmn") + " line 6 (ServiceTask_ByClass): instantiates a Java class")
			.hasMessageContaining("element template");
	}

	@Test
	void missingFolderIsReportedWithTheSettingToFixIt() {
		assertThatThrownBy(() -> new ProcessModelDeployer(engine).deploy(folder.resolve("absent"), "x"))
			.hasMessageContaining("absent")
			.hasMessageContaining("touchpoints.processes-dir");
	}

	private void deployFolder() {
		new ProcessModelDeployer(engine).deploy(folder, "model-deployment-test");
	}

	private int latestVersionOf(String key) {
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
			.getVersion();
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(folder.resolve(name), content);
	}

	private static String process(String id, String name) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="test">
				  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(id, name);
	}

}
