package dev.wparflow;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import dev.wparflow.aix.planted.AixStepThatReachesUp;
import dev.wparflow.cli.planted.CommandLineThatStartsTheApp;
import dev.wparflow.inventory.planted.InventoryThatUsesTheSimulator;
import dev.wparflow.process.planted.ProcessStepThatSpeaksSsh;
import dev.wparflow.simulator.planted.SimulatedHostThatKnowsTheApp;
import dev.wparflow.ssh.planted.SessionThatKnowsCamunda;

/**
 * The intended architecture (docs/architecture.md, "Layers"), checked on the production classes:
 * web → process → {aix, inventory, lock, catalog, run, audit} → {ssh, hmc}, with the Camunda plumbing (engine) and
 * security beside the process layer; the process layer never touches SSH; aix, ssh and the simulator know no
 * Camunda; the simulator knows nothing of the application except through its wiring ({@code simulator.spring});
 * only the benchmarks and that wiring use the simulator. (WparflowApplication reaches the simulator's command line
 * and the benchmarks by class name through reflection, which is not a dependency.) The command line ({@code cli}) sits
 * on the web side and knows the application only through its HTTP API: no class of the application, no Spring, no
 * Camunda.
 *
 * <p>Each rule is also run against the test classes, where a planted violation for it lives in a {@code planted}
 * package; the rule must report it, so a rule that cannot fail (a misspelt package, say) fails its test. Plain JUnit
 * tests that call {@code check}, so that Surefire's {@code -Dtest} filter selects them.
 */
class ArchitectureTest {

    static JavaClasses production;
    static JavaClasses withPlanted;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.wparflow");
        withPlanted = new ClassFileImporter().importPackages("dev.wparflow");
    }

    static final String WEB = "dev.wparflow.web..";
    static final String CLI = "dev.wparflow.cli..";
    static final String PROCESS = "dev.wparflow.process..";
    static final String ENGINE = "dev.wparflow.engine..";
    static final String SECURITY = "dev.wparflow.security..";
    static final String[] DOMAIN = { "dev.wparflow.aix..", "dev.wparflow.inventory..", "dev.wparflow.lock..",
            "dev.wparflow.catalog..", "dev.wparflow.run..", "dev.wparflow.audit.." };
    static final String[] TRANSPORT = { "dev.wparflow.ssh..", "dev.wparflow.hmc.." };

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Web").definedBy(WEB, CLI)
                .layer("Process").definedBy(PROCESS)
                .layer("Engine").definedBy(ENGINE)
                .layer("Security").definedBy(SECURITY)
                .layer("Domain").definedBy(DOMAIN)
                .layer("Transport").definedBy(TRANSPORT)
                .whereLayer("Web").mayNotBeAccessedByAnyLayer()
                .whereLayer("Process").mayOnlyBeAccessedByLayers("Web")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Web", "Process", "Security")
                .whereLayer("Security").mayOnlyBeAccessedByLayers("Web")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Web", "Process", "Engine", "Security")
                .whereLayer("Transport").mayOnlyBeAccessedByLayers("Web", "Domain");
    }

    static ArchRule processNeverTouchesSsh() {
        return noClasses().that().resideInAPackage(PROCESS)
                .should().dependOnClassesThat().resideInAnyPackage(TRANSPORT)
                .because("process steps reach hosts through the aix layer's typed operations");
    }

    static ArchRule hostLayersKnowNoCamunda() {
        return noClasses().that().resideInAnyPackage("dev.wparflow.aix..", "dev.wparflow.ssh..",
                        "dev.wparflow.hmc..", "dev.wparflow.simulator..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("commands, transport and the simulated hosts work the same without an engine");
    }

    static ArchRule simulatorKnowsNothingOfTheApplication() {
        return noClasses().that().resideInAPackage("dev.wparflow.simulator..")
                .and().resideOutsideOfPackage("dev.wparflow.simulator.spring..")
                .should().dependOnClassesThat(resideInAPackage("dev.wparflow..")
                        .and(resideOutsideOfPackage("dev.wparflow.simulator..")))
                .because("the simulator stands in for a site's hosts; only its embedded-default wiring"
                        + " (simulator.spring) meets the application");
    }

    static ArchRule simulatorIsUsedOnlyByItsWiringAndBenchmarks() {
        return noClasses().that().resideOutsideOfPackages("dev.wparflow.simulator..", "dev.wparflow.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.wparflow.simulator..");
    }

    static ArchRule commandLineKnowsOnlyTheHttpApi() {
        return noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat(resideInAPackage("dev.wparflow..")
                        .and(resideOutsideOfPackage(CLI)))
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
                .because("the command line is a REST client of a running wparflow and starts no Spring");
    }

    static ArchRule benchmarksAreUsedByNothing() {
        return noClasses().that().resideOutsideOfPackage("dev.wparflow.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.wparflow.bench..");
    }

    @Test
    void layersDependOnlyDownwards() {
        layers().check(production);
        assertReports(layers(), AixStepThatReachesUp.class, ProcessStepThatSpeaksSsh.class);
    }

    @Test
    void processCodeNeverTouchesSsh() {
        processNeverTouchesSsh().check(production);
        assertReports(processNeverTouchesSsh(), ProcessStepThatSpeaksSsh.class);
    }

    @Test
    void aixSshAndTheSimulatorKnowNoCamunda() {
        hostLayersKnowNoCamunda().check(production);
        assertReports(hostLayersKnowNoCamunda(), AixStepThatReachesUp.class, SessionThatKnowsCamunda.class,
                SimulatedHostThatKnowsTheApp.class);
    }

    @Test
    void theSimulatorKnowsNothingOfTheApplication() {
        simulatorKnowsNothingOfTheApplication().check(production);
        assertReports(simulatorKnowsNothingOfTheApplication(), SimulatedHostThatKnowsTheApp.class);
    }

    @Test
    void nothingOutsideTheSimulatorAndBenchmarksUsesTheSimulator() {
        simulatorIsUsedOnlyByItsWiringAndBenchmarks().check(production);
        assertReports(simulatorIsUsedOnlyByItsWiringAndBenchmarks(), InventoryThatUsesTheSimulator.class);
    }

    @Test
    void theCommandLineKnowsOnlyTheHttpApi() {
        commandLineKnowsOnlyTheHttpApi().check(production);
        assertReports(commandLineKnowsOnlyTheHttpApi(), CommandLineThatStartsTheApp.class);
    }

    @Test
    void nothingOutsideTheBenchmarksUsesTheBenchmarks() {
        benchmarksAreUsedByNothing().check(production);
        assertReports(benchmarksAreUsedByNothing(), InventoryThatUsesTheSimulator.class);
    }

    /** The rule, run with the test classes included, reports each planted class. */
    static void assertReports(ArchRule rule, Class<?>... planted) {
        List<String> details = rule.evaluate(withPlanted).getFailureReport().getDetails();
        for (Class<?> p : planted) {
            assertThat(details).as("%s reports %s", rule.getDescription(), p.getSimpleName())
                    .anyMatch(line -> line.contains(p.getName()));
        }
    }
}
