package dev.wparflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The simulator stays apart from production code: only the simulator itself and the benchmarks
 * may depend on it, and nothing but the benchmarks depends on the benchmarks. (WparflowApplication
 * reaches both by class name through reflection, which is not a dependency.)
 */
@AnalyzeClasses(packages = "dev.wparflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothingOutsideTheSimulatorAndBenchmarksUsesTheSimulator = noClasses()
            .that().resideOutsideOfPackages("dev.wparflow.simulator..", "dev.wparflow.bench..")
            .should().dependOnClassesThat().resideInAPackage("dev.wparflow.simulator..");

    @ArchTest
    static final ArchRule nothingOutsideTheBenchmarksUsesTheBenchmarks = noClasses()
            .that().resideOutsideOfPackage("dev.wparflow.bench..")
            .should().dependOnClassesThat().resideInAPackage("dev.wparflow.bench..");
}
