package dev.trafficstatus.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure docs/ARCHITECTURE.md draws, checked on the compiled classes of every module on the
 * server's class path (SPI, core, server and the shipped plugins): a rule broken fails the build.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.trafficstatus");
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("dev.trafficstatus.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theSpiAndTheCoreUseNoFramework() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.trafficstatus.spi..", "dev.trafficstatus.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dropwizard..",
            "org.glassfish.jersey..",
            "jakarta.ws.rs..",
            "org.jdbi..",
            "com.fasterxml.jackson.databind..",
            "com.fasterxml.jackson.core..",
            "org.slf4j..")
        .check(classes);
  }

  @Test
  void pluginsUseTheSpiOnlyAndNotItsInternals() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.trafficstatus.capture..", "dev.trafficstatus.store..", "dev.trafficstatus.views..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.trafficstatus.spi.internal..",
            "dev.trafficstatus.core..",
            "dev.trafficstatus.server..")
        .check(classes);
  }

  @Test
  void theCoreKnowsNothingOfTheServerOrThePlugins() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.trafficstatus.spi..", "dev.trafficstatus.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.trafficstatus.server..",
            "dev.trafficstatus.capture..",
            "dev.trafficstatus.store..",
            "dev.trafficstatus.views..")
        .check(classes);
  }
}
