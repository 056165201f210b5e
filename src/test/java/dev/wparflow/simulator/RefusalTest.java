package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.TestFleets;

/** Every refusal: message id on stderr and exit status. */
class RefusalTest {
    static final String FLEET = TestFleets.yaml("refusal");
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(FLEET);
    ClientSession s;

    @BeforeEach
    void connect() throws Exception {
        s = sim.ssh().session("sydney");
    }

    @AfterEach
    void close() throws Exception {
        s.close();
    }

    SimSsh.Result run(String c) throws Exception {
        return SimSsh.exec(s, c);
    }

    void refused(String command, int exit, String... stderrContains) throws Exception {
        SimSsh.Result r = run(command);
        assertThat(r.exit()).as(command + " -> " + r).isEqualTo(exit);
        assertThat(r.err()).as(command).contains(stderrContains);
    }

    @Test
    void mkwparNameOrDirectoryTaken_example_7_16() throws Exception {
        SimSsh.Result r = run("mkwpar -n kenny -e skippy");
        assertThat(r.exit()).isEqualTo(1);
        Transcripts.assertLines(r.err(), """
                mkwpar: 0960-002 /wpars/skippy already exists.
                mkwpar: 0960-318 Workload partition directory /wpars/skippy is not empty.  Quitting.
                """);
        refused("mkwpar -n skippy", 1, "mkwpar: 0960-116 Workload partition skippy already exists.");
        assertThat(sim.fleet().host("sydney").states()).isEqualTo("{skippy=D, gordon=A}");
    }

    @Test
    void mkwparAutoResolve_example_7_17() throws Exception {
        SimSsh.Result r = run("mkwpar -n kenny -e skippy -a");
        assertThat(r.exit()).as(r.err()).isZero();
        Transcripts.assertLines(r.err(), """
                mkwpar: 0960-002 /wpars/skippy already exists.
                **********************************************************************
                RESOLVED
                mkwpar: 0960-105 general.hostname must be unique across all workload partitions.
                hostname = skippy also found in the following files:
                /etc/wpars/skippy.cf

                **********************************************************************
                **********************************************************************
                RESOLVED
                mkwpar: 0960-105 network.address must be unique across all workload partitions.
                address = 9.3.63.145 also found in the following files:
                /etc/wpars/skippy.cf

                **********************************************************************
                """);
        assertThat(r.out()).contains("Workload partition kenny created successfully.");
        assertThat(sim.fleet().host("sydney").wpar("kenny").orElseThrow().directory).isEqualTo("/wpars/kenny");
        assertThat(new String(sim.fleet().host("sydney").file("/etc/wpars/kenny.cf"))).contains("name = \"kenny\"");
    }

    @Test
    void mkwparHostnameOrAddressInUse() throws Exception {
        refused("mkwpar -n bruce -h skippy", 1, "mkwpar: 0960-105 general.hostname must be unique across all workload partitions.");
        refused("mkwpar -n bruce -N address=9.3.5.188", 1, "mkwpar: 0960-105 network.address must be unique across all workload partitions.");
        refused("mkwpar -n bruce -N address=9.3.63.10", 1, "0960-105 network.address");
        assertThat(sim.fleet().host("sydney").wpar("bruce")).isEmpty();
    }

    @Test
    void mkwparNotEnoughSpaceOrNoSuchVg() throws Exception {
        int free = sim.fleet().host("sydney").model().volumeGroups.get("tinyvg").freePps();
        refused("mkwpar -n bruce -g tinyvg", 1, "0516-404 allocp:", "0516-822 mklv: Unable to create logical volume.");
        assertThat(sim.fleet().host("sydney").model().volumeGroups.get("tinyvg").freePps()).isEqualTo(free);
        refused("mkwpar -n bruce -g nosuchvg", 1, "0516-306");
        assertThat(sim.fleet().host("sydney").wpar("bruce")).isEmpty();
    }

    @Test
    void mkwparCheckpointableWithLocalFileSystems_example_10_16() throws Exception {
        SimSsh.Result r = run("mkwpar -n test -c");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("mkwpar: 0960-100 All writable file systems must be remote for checkpointable workload partitions.",
                "Found local file system /var.");
        SimSsh.Result forced = run("mkwpar -n test -c -F");
        assertThat(forced.exit()).isZero();
        Transcripts.assertStartsWith(forced.err(), """
                **********************************************************************
                ERROR
                mkwpar: 0960-100 All writable file systems must be remote for checkpointable workload partitions.
                Found local file system /var.

                ERROR
                mkwpar: 0960-100 All writable file systems must be remote for checkpointable workload partitions.
                Found local file system /.

                ERROR
                mkwpar: 0960-100 All writable file systems must be remote for checkpointable workload partitions.
                Found local file system /tmp.

                ERROR
                mkwpar: 0960-100 All writable file systems must be remote for checkpointable workload partitions.
                Found local file system /home.
                **********************************************************************
                """);
        assertThat(forced.out()).startsWith("mkwpar: Creating file systems...\n/\n");
    }

    @Test
    void stateRefusals() throws Exception {
        refused("startwpar gordon", 1, "startwpar: 0960-231");
        refused("stopwpar skippy", 1, "stopwpar: 0960-254");
        refused("rebootwpar skippy", 1, "rebootwpar: 0960-254");
        refused("chwpar -n newname gordon", 1, "chwpar: 0960-053 Cannot change the name (-n) of a running workload partition.");
        refused("chwpar -n gordon skippy", 1, "chwpar: 0960-109");
        refused("rmwpar gordon", 1, "rmwpar: 0960-244");
        assertThat(run("rmwpar -F gordon").exit()).isZero();
        assertThat(sim.fleet().host("sydney").wpar("gordon")).isEmpty();
    }

    @Test
    void lockedByAnotherCommand() throws Exception {
        run("/usr/lib/wpars/wparlockctl -l -p 4711 -o 4 skippy");
        refused("startwpar skippy", 1, "startwpar: 0960-246 Workload partition skippy is currently locked by startwpar (PID = 4711).");
        refused("rmwpar skippy", 1, "rmwpar: 0960-246");
        refused("savewpar -f /backup/s skippy", 1, "savewpar: 0960-246");
        refused("/usr/lib/wpars/wparlockctl -l -p 4712 -o 6 skippy", 1, "0960-246");
    }

    @Test
    void unknownWpar() throws Exception {
        refused("lswpar nosuch", 1, "lswpar: 0960-419 Could not find a workload partition called nosuch.");
        refused("startwpar nosuch", 1, "startwpar: 0960-419");
        refused("savewpar -f /backup/x nosuch", 1, "savewpar: 0960-419");
    }

    @Test
    void restwparRefusals() throws Exception {
        refused("restwpar -f /backup/missing.save", 1, "restwpar: 0960-512");
        sim.fleet().host("sydney").writeFile("/backup/junk.save", "this is not an image\n");
        refused("restwpar -f /backup/junk.save", 1, "restwpar: 0960-513");
        assertThat(run("savewpar -f /backup/skippy.save skippy").exit()).isZero();
        String img = new String(sim.fleet().host("sydney").file("/backup/skippy.save"));
        sim.fleet().host("sydney").writeFile("/backup/tampered.save", img.replace("files 2160", "files 2161"));
        refused("restwpar -f /backup/tampered.save", 1, "restwpar: 0960-513", "checksum");
        // name (and directory) taken
        refused("restwpar -f /backup/skippy.save", 1, "mkwpar: 0960-116 Workload partition skippy already exists.");
        // hostname / address in use
        refused("restwpar -n bruce -h skippy -M '-N address=9.3.63.99' -f /backup/skippy.save", 1, "0960-105 general.hostname");
        refused("restwpar -n bruce -h bruce -d /wpars/bruce -f /backup/skippy.save", 1, "0960-105 network.address");
        // not enough space in the VG of an edited image.data
        sim.fleet().host("sydney").writeFile("/tmp/image.data.tiny",
                new String(sim.fleet().host("sydney").file("/tmp/wpardata/skippy/image.data")).replace("rootvg", "tinyvg"));
        refused("restwpar -n bruce -h bruce -M '-N address=9.3.63.99' -i /tmp/image.data.tiny -f /backup/skippy.save", 1,
                "0516-404", "0516-822");
        refused("restwpar -n bruce -h bruce -i /tmp/none -f /backup/skippy.save", 1, "restwpar: 0960-514");
        assertThat(sim.fleet().host("sydney").wpar("bruce")).isEmpty();
        // and it works when nothing conflicts
        assertThat(run("restwpar -n bruce -h bruce -M '-N address=9.3.63.99' -f /backup/skippy.save").exit()).isZero();
        assertThat(sim.fleet().host("sydney").states()).isEqualTo("{skippy=D, gordon=A, bruce=D}");
    }

    @Test
    void shellLevelRefusals() throws Exception {
        SimSsh.Result unknown = run("frobnicate now");
        assertThat(unknown.exit()).isEqualTo(127);
        assertThat(unknown.err()).isEqualTo("ksh: frobnicate:  not found.\n");
        SimSsh.Result meta = run("lswpar; rmwpar -F gordon");
        assertThat(meta.exit()).isEqualTo(2);
        assertThat(meta.err()).contains("refused", "';'");
        assertThat(sim.fleet().host("sydney").wpar("gordon")).isPresent();
        assertThat(sim.fleet().log().refused()).singleElement().satisfies(e -> assertThat(e.raw).isEqualTo("lswpar; rmwpar -F gordon"));
        refused("lslpp -Lc bos.net.mobip6.rte", 1, "lslpp: 0504-132  Fileset bos.net.mobip6.rte not installed.");
        refused("cat /etc/nothing", 2, "cat: 0652-050 Cannot open /etc/nothing.");
    }
}
