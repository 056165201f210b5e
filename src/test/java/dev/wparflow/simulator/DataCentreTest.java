package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.AixOutcome;
import dev.wparflow.aix.AixOutcomes;
import dev.wparflow.aix.HostName;
import dev.wparflow.aix.Hmc;
import dev.wparflow.aix.LparName;
import dev.wparflow.aix.ManagedSystemName;
import dev.wparflow.aix.Nim;
import dev.wparflow.aix.NimObjectName;
import dev.wparflow.aix.WparState;
import dev.wparflow.inventory.Inventory;
import dev.wparflow.inventory.InventoryReader;
import dev.wparflow.ssh.CommandResult;

/** The default fleet's data centre: HMC pairs, NFS image repository, NIM master. */
class DataCentreTest {
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.file(Path.of("deploy/simulator/fleet.yaml"));

    static CommandResult hmc(String hmc, String cmd) throws Exception {
        SimSsh.Result r = sim.ssh().runAs("hscroot", hmc, cmd);
        return new CommandResult(hmc, cmd, r.exit(), r.out(), r.err(), java.time.Duration.ZERO);
    }

    @Test
    void hmcPairsListTheirManagedSystemAndLpars() throws Exception {
        CommandResult v = hmc("hmc01", Hmc.version().commandLine());
        assertThat(Hmc.parseVersion(v.stdout()).version()).isEqualTo("7");
        List<Hmc.ManagedSystem> a = Hmc.parseSystems(hmc("hmc01", Hmc.listSystems().commandLine()).stdout());
        assertThat(a).extracting(Hmc.ManagedSystem::name).containsExactly("sys570a");
        assertThat(a.get(0).state()).isEqualTo("Operating");
        assertThat(Hmc.parseSystems(hmc("hmca02", Hmc.listSystems().commandLine()).stdout()))
                .extracting(Hmc.ManagedSystem::name).containsExactly("sys570b");
        List<Hmc.Lpar> lpars = Hmc.parseLpars(hmc("hmc02", Hmc.listLpars(ManagedSystemName.of("sys570a"), List.of())
                .commandLine()).stdout());
        assertThat(lpars).extracting(Hmc.Lpar::name).containsExactly("lpar00", "lpar02", "nim01");
        assertThat(lpars.get(0).osVersion()).isEqualTo("AIX 6.1 6100-02-01-0847");
        assertThat(lpars.get(0).state()).isEqualTo("Running");
        // --filter, and an LPAR that is down is Not Activated
        sim.fleet().host("lpar02").setDown(true);
        List<Hmc.Lpar> one = Hmc.parseLpars(hmc("hmc01", Hmc.listLpars(ManagedSystemName.of("sys570a"),
                List.of(LparName.of("lpar02"))).commandLine()).stdout());
        assertThat(one).singleElement().satisfies(l -> assertThat(l.state()).isEqualTo("Not Activated"));
        assertThat(Hmc.parseLpars(hmc("hmc01", Hmc.listLpars(ManagedSystemName.of("sys570a"),
                List.of(LparName.of("lpar00"), LparName.of("nim01"))).commandLine()).stdout())).hasSize(2);
        // the other pair does not manage sys570a; a system with no LPAR matching gives "No results were found."
        assertThat(hmc("hmca01", Hmc.listLpars(ManagedSystemName.of("sys570a"), List.of()).commandLine()).exitStatus())
                .isEqualTo(1);
        assertThat(hmc("hmc01", Hmc.listLpars(ManagedSystemName.of("sys570a"), List.of(LparName.of("nosuch")))
                .commandLine()).stdout()).isEqualTo("No results were found.\n");
        // the HMC's restricted shell
        assertThat(hmc("hmc01", "lswpar").exitStatus()).isEqualTo(127);
        assertThat(sim.ssh().run("lpar00", "lssyscfg -r sys").exit()).isEqualTo(127);
    }

    @Test
    void oneHmcOfAPairDownItsPeerAnswers() throws Exception {
        sim.fleet().setHmcDown("hmc01", true);
        assertThat(sim.fleet().hmc("hmc01").isDown()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hmc("hmc01", "lshmc -V")).isInstanceOf(Exception.class);
        CommandResult peer = hmc("hmc02", Hmc.listSystems().commandLine());
        assertThat(Hmc.parseSystems(peer.stdout())).extracting(Hmc.ManagedSystem::name).containsExactly("sys570a");
        sim.fleet().setHmcDown("hmc01", false);
        assertThat(hmc("hmc01", "lshmc -V").exitStatus()).isZero();
    }

    @Test
    void managedSystemStateChangesForMaintenance() throws Exception {
        assertThat(hmc("hmc01", "chsysstate -r sys -m sys570a -o onstandby").exitStatus()).isZero();
        assertThat(Hmc.parseSystems(hmc("hmc02", Hmc.listSystems().commandLine()).stdout()).get(0).state())
                .isEqualTo("Standby");
        assertThat(Hmc.parseLpars(hmc("hmc02", Hmc.listLpars(ManagedSystemName.of("sys570a"), List.of()).commandLine())
                .stdout())).allSatisfy(l -> assertThat(l.state()).isEqualTo("Not Activated"));
        sim.fleet().managedSystem("sys570a").state = "Operating";
        assertThat(Hmc.parseSystems(hmc("hmc01", Hmc.listSystems().commandLine()).stdout()).get(0).state())
                .isEqualTo("Operating");
    }

    @Test
    void sharedImageRepositoryOverNfs() throws Exception {
        assertThat(sim.ssh().run("lpar00", "savewpar -f /images/wpr00.save wpr00").exit()).isZero();
        assertThat(sim.fleet().host("lpar02").file("/images/wpr00.save")).isNotNull();
        SimSsh.Result r = sim.ssh().run("lpar01", "restwpar -n wpr00b -h wpr00b -M '-N address=9.3.5.199' -f /images/wpr00.save");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(sim.fleet().host("lpar01").wpar("wpr00b")).isPresent();
        assertThat(sim.fleet().host("nim01").file("/export/images/wpr00.save")).isNotNull();
        assertThat(sim.fleet().host("lpar00").wpar("mob01").orElseThrow().checkpointable).isTrue();
        assertThat(Files.readString(sim.fleet().knownHostsPath())).contains("[127.0.0.1]:" + sim.fleet().hmc("hmca02").port());
    }

    /** sydney and canberra mount the same repository, so a static move between them finds its image (Table 4-2). */
    @Test
    void sydneyAndCanberraShareTheImageRepository() throws Exception {
        assertThat(sim.ssh().run("sydney", "savewpar -f /images/gordon.save gordon").exit()).isZero();
        assertThat(sim.fleet().host("lpar02").file("/images/gordon.save")).isNotNull();
        SimSsh.Result listed = sim.ssh().run("canberra", "lssavewpar -f /images/gordon.save");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("wpar.spec", "image.data");
    }

    /** The 7.3.3 state must agree with lswpar on the managing LPAR at every step. */
    void consistent(String expectNim, Character expectWpar) throws Exception {
        CommandResult l = new CommandResult("nim01", "lsnim -l wpr05", 0,
                sim.ssh().run("nim01", Nim.details(NimObjectName.of("wpr05")).commandLine()).out(), "", null);
        Nim.NimStanza s = Nim.parseStanzas(l.stdout()).get(0);
        assertThat(s.get("wpar_state")).isEqualTo(expectNim);
        assertThat(s.get("Mstate")).isEqualTo(expectNim.equals("Running") ? "currently running" : "not running");
        assertThat(s.get("mgmt_profile1")).isEqualTo("lpar00 wpr05");
        assertThat(sim.fleet().nimWparState("wpr05")).isEqualTo(expectNim);
        SimSsh.Result lswpar = sim.ssh().run("lpar00", "lswpar -c -q -a name,state wpr05");
        if (expectWpar == null) {
            assertThat(lswpar.exit()).isEqualTo(1);
            assertThat(lswpar.err()).contains("Could not find a workload partition called wpr05.");
        } else {
            assertThat(lswpar.out()).isEqualTo("wpr05:" + expectWpar + "\n");
        }
    }

    SimSsh.Result nim(String cmd) throws Exception {
        SimSsh.Result r = sim.ssh().run("nim01", cmd);
        assertThat(r.exit()).as(cmd + " -> " + r).isZero();
        return r;
    }

    @Test
    void nimDefineCreateActivateDeactivateDestroy() throws Exception {
        nim(Nim.defineWpar(NimObjectName.of("wpr05"), NimObjectName.of("lpar00"), HostName.of("wpr05")).commandLine());
        assertThat(Nim.parseList(nim(Nim.listWpars().commandLine()).out()))
                .singleElement().satisfies(o -> assertThat(o.type()).isEqualTo("wpar"));
        assertThat(Nim.parseList(nim(Nim.list().commandLine()).out())).extracting(Nim.NimObject::name)
                .contains("master", "lpar00", "wpr05", "lpp_source61", "spot61", "wpar_spec1");
        consistent("Defined", null);
        SimSsh.Result created = nim(Nim.operation(Nim.Operation.CREATE, NimObjectName.of("wpr05"), Map.of()).commandLine());
        assertThat(created.out()).contains("Workload partition wpr05 created successfully.");
        consistent("Created", 'D');
        nim(Nim.operation(Nim.Operation.ACTIVATE, NimObjectName.of("wpr05"), Map.of()).commandLine());
        consistent("Running", 'A');
        SimSsh.Result ls = nim(Nim.operation(Nim.Operation.LSWPAR, NimObjectName.of("wpr05"), Map.of()).commandLine());
        assertThat(ls.out()).contains("wpr05", " A ");
        nim(Nim.operation(Nim.Operation.DEACTIVATE, NimObjectName.of("wpr05"), Map.of()).commandLine());
        consistent("Created", 'D');
        nim(Nim.operation(Nim.Operation.DESTROY, NimObjectName.of("wpr05"), Map.of()).commandLine());
        consistent("Defined", null);
        assertThat(sim.fleet().nimObjects()).extracting(o -> o.name).contains("wpr05");
        nim(Nim.operation(Nim.Operation.REMOVE, NimObjectName.of("wpr05"), Map.of()).commandLine());
        CommandResult gone = new CommandResult("nim01", "lsnim -l wpr05", 1, "",
                sim.ssh().run("nim01", "lsnim -l wpr05").err(), null);
        assertThat(gone.stderr()).contains("0042-053");
        assertThat(AixOutcomes.classify(gone).outcome()).isEqualTo(AixOutcome.NIM_OBJECT_NOT_FOUND);
    }

    /** Every spec file the demo fleet's NIM master names is on nim01, and the template provisions as it is. */
    @Test
    void theDemoFleetsSpecResourcesExistAndProvision() throws Exception {
        List<Nim.NimObject> specs = Nim.parseList(nim("lsnim -t wpar_spec").out());
        assertThat(specs).extracting(Nim.NimObject::name).contains("wpar_spec1");
        for (Nim.NimObject spec : specs) {
            String location = Nim.parseStanzas(nim("lsnim -l " + spec.name()).out()).get(0).get("location");
            assertThat(sim.ssh().run("nim01", "cat " + location).out()).as(location).startsWith("general:");
        }
        nim(Nim.defineWpar(NimObjectName.of("wpr08"), NimObjectName.of("lpar00"), HostName.of("wpr08")).commandLine());
        nim("nim -o create -a wpar_spec=wpar_spec1 -a cmd_flags=\"-N address=9.3.5.192\" wpr08");
        nim(Nim.operation(Nim.Operation.ACTIVATE, NimObjectName.of("wpr08"), Map.of()).commandLine());
        assertThat(sim.ssh().run("lpar00", "lswpar -c -q -R wpr08").out())
                .isEqualTo("wpr08:yes::10:5%-50%,60%:10:0%-100%,100%:unlimited:unlimited:unlimited\n");
        assertThat(Nim.parseStanzas(nim(Nim.details(NimObjectName.of("wpr08")).commandLine()).out()).get(0)
                .get("wpar_state")).isEqualTo("Running");
    }

    @Test
    void nimCreateFromResourcesAndRefusals() throws Exception {
        assertThat(sim.ssh().run("lpar00", "mkwpar -w -o /tmp/s.spec -e wpr00").exit()).isZero();
        sim.fleet().host("nim01").writeFile("/export/nim/wpar_spec1.spec", new String(sim.fleet().host("lpar00").file("/tmp/s.spec"))
                .replace("9.3.5.182", "9.3.5.191"));
        nim(Nim.defineWpar(NimObjectName.of("wpr06"), NimObjectName.of("lpar01"), HostName.of("wpr06")).commandLine());
        nim(Nim.operation(Nim.Operation.CREATE, NimObjectName.of("wpr06"),
                Map.of("wpar_spec", NimObjectName.of("wpar_spec1"))).commandLine());
        assertThat(sim.fleet().host("lpar01").wpar("wpr06").orElseThrow().address).isEqualTo("9.3.5.191");
        // managing system unknown to NIM, managing system down, name in use
        assertThat(sim.ssh().run("nim01", Nim.defineWpar(NimObjectName.of("wpr07"), NimObjectName.of("sydney"),
                HostName.of("wpr07")).commandLine()).exit()).isEqualTo(1);
        assertThat(sim.ssh().run("nim01", Nim.defineWpar(NimObjectName.of("wpr06"), NimObjectName.of("lpar01"),
                HostName.of("wpr06")).commandLine()).err()).contains("0042-081");
        sim.fleet().host("lpar01").setDown(true);
        SimSsh.Result down = sim.ssh().run("nim01", Nim.operation(Nim.Operation.ACTIVATE, NimObjectName.of("wpr06"), Map.of())
                .commandLine());
        assertThat(down.exit()).isEqualTo(1);
        assertThat(down.err()).contains("0042-006");
        sim.fleet().host("lpar01").setDown(false);
        // a WPAR command's failure comes back through NIM with its own message
        SimSsh.Result stop = sim.ssh().run("nim01", Nim.operation(Nim.Operation.DEACTIVATE, NimObjectName.of("wpr06"), Map.of())
                .commandLine());
        assertThat(stop.exit()).isEqualTo(1);
        assertThat(AixOutcomes.classify(new CommandResult("nim01", "nim -o deactivate wpr06", 1, stop.out(), stop.err(),
                null)).outcome()).isEqualTo(AixOutcome.WRONG_STATE);
        assertThat(WparState.parse(String.valueOf(sim.fleet().host("lpar01").wpar("wpr06").orElseThrow().state().letter())))
                .isEqualTo(WparState.DEFINED);
    }

    @Test
    void theMobileWparLivesOnNfsOnlySoItIsEligibleForLiveMobility() {
        var mob01 = sim.fleet().host("lpar00").model().wpar("mob01").orElseThrow();
        assertThat(mob01.fileSystems).filteredOn(fs -> java.util.Set.of("/", "/home", "/tmp", "/var")
                .contains(fs.mountPoint())).hasSize(4).allSatisfy(fs -> assertThat(fs.vfs()).isEqualTo("nfs"));
        assertThat(mob01.fileSystems).noneSatisfy(fs -> assertThat(fs.vfs()).isEqualTo("jfs2"));
    }

    @Test
    void theInventoryFileItWritesIsOneTheApplicationReads() throws Exception {
        Inventory inv = InventoryReader.read(sim.fleet().inventoryPath());
        for (HostRuntime h : sim.fleet().hosts()) {
            assertThat(inv.lpar(h.name())).as(h.name()).hasValueSatisfying(l -> {
                assertThat(l.port()).isEqualTo(h.port());
                assertThat(l.user()).isEqualTo("root");
            });
        }
        assertThat(inv.hmcs()).extracting(Inventory.Hmc::name)
                .containsExactlyElementsOf(sim.fleet().hmcs().stream().map(HostRuntime::name).toList());
        assertThat(inv.hmcs()).allSatisfy(h -> assertThat(h.user()).isEqualTo("hscroot"));
        assertThat(inv.managedSystems()).extracting(Inventory.ManagedSystem::name).contains("sys570a");
        assertThat(inv.nimMasters()).isNotEmpty();
        assertThat(inv.imageRepository()).isNotNull();
        assertThat(inv.imageRepository().mountPoint()).isEqualTo("/images");
    }
}
