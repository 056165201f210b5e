package dev.wparflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparSpec;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.testsupport.DefaultFleet;
import dev.wparflow.testsupport.SimulatedFleetShell;

/**
 * The demo templates work on the demo fleet: the spec written for a new WPAR from each (WparSpec.forWpar, as a
 * provisioning writes it) is accepted by {@code mkwpar -f} over SSH, the WPAR starts, and it has the template's file
 * systems, checkpointable flag and required filesets on the host.
 */
class DemoTemplatesOnFleetTest {

    static Fleet fleet;
    static SimulatedFleetShell shell;

    @BeforeAll
    static void startFleet() {
        fleet = DefaultFleet.start();
        shell = new SimulatedFleetShell(fleet, "lpar00", "lpar01");
    }

    @AfterAll
    static void stopFleet() {
        shell.close();
        fleet.close();
    }

    @ParameterizedTest
    @CsvSource({"small, lpar00, tpls01", "checkpointable-web, lpar01, tplw01"})
    void aWparMadeFromTheTemplateWithMkwparFIsCreatedAndStarts(String template, String lpar, String wpar) {
        DemoTemplates.Demo demo = DemoTemplates.DEMOS.stream().filter(d -> d.name().equals(template)).findFirst()
                .orElseThrow();
        WparSpec spec = TemplateRules.spec(demo.specText()).forWpar(WparName.of(wpar), null, null);
        String file = "/tmp/" + wpar + ".spec";
        fleet.host(lpar).writeFile(file, spec.render());

        CommandResult made = run(lpar, AixCommand.of("mkwpar").flag("-f", AbsolutePath.of(file)).build());
        assertThat(made.exitStatus()).as(made.stderr()).isZero();
        CommandResult started = run(lpar, AixCommand.of("startwpar").arg(WparName.of(wpar)).build());
        assertThat(started.exitStatus()).as(started.stderr()).isZero();

        Wpar made1 = fleet.host(lpar).wpar(wpar).orElseThrow();
        assertThat(made1.state()).isEqualTo(WparState.ACTIVE);
        assertThat(made1.checkpointable).isEqualTo(spec.checkpointable());
        assertThat(made1.fileSystems).extracting(WparFileSystem::mountPoint)
                .contains("/", "/home", "/tmp", "/var", "/usr", "/opt");
        assertThat(made1.fileSystems).filteredOn(f -> "jfs2".equals(f.vfs())).extracting(WparFileSystem::volumeGroup)
                .containsOnly(spec.volumeGroups().toArray(String[]::new));
        assertThat(made1.fileSystems).filteredOn(f -> f.mountPoint().equals("/usr")).singleElement()
                .satisfies(f -> assertThat(f.vfs()).isEqualTo("namefs"));
        Map<String, String> filesets = fleet.host(lpar).model().filesets;
        assertThat(filesets).containsKeys(demo.requiredFilesets().toArray(String[]::new));
    }

    private static CommandResult run(String lpar, AixCommand command) {
        return shell.aix.run(lpar, command, Origin.background("demo template test"));
    }
}
