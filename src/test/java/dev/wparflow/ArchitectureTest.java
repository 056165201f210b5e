package dev.wparflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The simulator stays apart from production code: only the simulator itself and the benchmarks
 * may depend on it, and nothing but the benchmarks depends on the benchmarks. (WparflowApplication
 * reaches both by class name through reflection, which is not a dependency.) Plain JUnit tests
 * that call {@code check}, so that Surefire's {@code -Dtest} filter selects them (ArchUnit's own
 * engine reports 0 tests under such a filter).
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.wparflow");
    }

    @Test
    void nothingOutsideTheSimulatorAndBenchmarksUsesTheSimulator() {
        noClasses().that().resideOutsideOfPackages("dev.wparflow.simulator..", "dev.wparflow.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.wparflow.simulator..")
                .check(classes);
    }

    @Test
    void nothingOutsideTheBenchmarksUsesTheBenchmarks() {
        noClasses().that().resideOutsideOfPackage("dev.wparflow.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.wparflow.bench..")
                .check(classes);
    }
}
