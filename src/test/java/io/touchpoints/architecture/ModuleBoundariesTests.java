package io.touchpoints.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import io.touchpoints.system.TouchpointsProperties;

/**
 * The house rules between packages: journeys (each a plug-in: its package, its models, its templates) build on
 * shared capabilities, never the reverse; journeys do not reach into each other; {@code system} knows no feature and
 * holds none of their settings; no package cycles.
 */
class ModuleBoundariesTests {

	/** The journeys; everything else under io.touchpoints is a capability they share. */
	static final String[] JOURNEYS = { "io.touchpoints.onboarding..", "io.touchpoints.lifecycle..",
			"io.touchpoints.adoption..", "io.touchpoints.survey..", "io.touchpoints.renewal.." };

	static final String[] CAPABILITIES = { "io.touchpoints.customer..", "io.touchpoints.usage..",
			"io.touchpoints.touchpoint..", "io.touchpoints.checkin..", "io.touchpoints.task..", "io.touchpoints.timeline..",
			"io.touchpoints.signal..", "io.touchpoints.helpdesk..", "io.touchpoints.process..", "io.touchpoints.sandbox..",
			"io.touchpoints.system.." };

	private static final JavaClasses SERVICE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.touchpoints");

	@Test
	void noCapabilityDependsOnAJourney() {
		noClasses().that().resideInAnyPackage(CAPABILITIES).should().dependOnClassesThat().resideInAnyPackage(JOURNEYS)
			.check(SERVICE);
	}

	@Test
	void usageKnowsNoJourney() {
		noClasses().that().resideInAPackage("io.touchpoints.usage..").should().dependOnClassesThat()
			.resideInAnyPackage(JOURNEYS).check(SERVICE);
	}

	@Test
	void journeysDoNotReachIntoEachOther() {
		for (String journey : JOURNEYS) {
			String[] others = Arrays.stream(JOURNEYS).filter(other -> !other.equals(journey)).toArray(String[]::new);
			noClasses().that().resideInAPackage(journey).should().dependOnClassesThat().resideInAnyPackage(others)
				.check(SERVICE);
		}
	}

	@Test
	void systemKnowsNoFeature() {
		noClasses().that().resideInAPackage("io.touchpoints.system..").should().dependOnClassesThat()
			.resideInAnyPackage("io.touchpoints.customer..", "io.touchpoints.usage..", "io.touchpoints.touchpoint..",
					"io.touchpoints.checkin..", "io.touchpoints.task..", "io.touchpoints.timeline..",
					"io.touchpoints.signal..", "io.touchpoints.helpdesk..", "io.touchpoints.onboarding..",
					"io.touchpoints.lifecycle..", "io.touchpoints.adoption..", "io.touchpoints.survey..",
					"io.touchpoints.renewal..")
			.check(SERVICE);
	}

	@Test
	void systemHoldsNoFeaturesSettings() {
		noClasses().that().resideInAPackage("io.touchpoints.system..").should().haveSimpleNameEndingWith("Settings")
			.check(SERVICE);
		// The service's own settings only: its address, job retries, the administrator, request limits, logins.
		assertThat(Arrays.stream(TouchpointsProperties.class.getRecordComponents()).map(RecordComponent::getName))
			.containsExactlyInAnyOrder("publicBaseUrl", "jobs", "admin", "api", "security");
	}

	@Test
	void packagesFormNoCycles() {
		slices().matching("io.touchpoints.(*)..").should().beFreeOfCycles().check(SERVICE);
	}

}
