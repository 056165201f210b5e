package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.testsupport.TestFleets;

/**
 * What WPAR provisioning sends to a NIM master and to a global environment (issue 18), over SSH: resource definitions,
 * nim create from a wpar_spec or a savewpar resource with cmd_flags, lsnim's view of the 7.3.3 states, NIM's refusals
 * (duplicate object, unknown resource, client below 6.1 TL2, application WPARs, managing system down, WPAR exists),
 * and connection faults on nim, mkwpar and restwpar, over SSH and as detached runs.
 */
class NimProvisioningTest {
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(TestFleets.yaml("nim-provisioning")).instantCommands();

    static final String MASTER_ERROR = "0042-001 nim: processing error encountered on \"master\":\n";

    SimSsh.Result ok(String host, String line) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, line);
        assertThat(r.exit()).as(host + ": " + line + " " + r).isZero();
        return r;
    }

    /** exit 1 and exactly {@code err} on stderr. */
    void refused(String host, String line, String err) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, line);
        assertThat(r.exit()).as(line + " " + r).isEqualTo(1);
        assertThat(r.err()).isEqualTo(err);
    }

    String state(String host, String wpar) {
        return sim.fleet().host(host).wpar(wpar).map(w -> String.valueOf(w.state().letter())).orElse(null);
    }

    void defineWpar(String name, String managing) throws Exception {
        ok("nim01", "nim -o define -t wpar -a mgmt_profile1=\"" + managing + " " + name + "\" -a if1=\"find_net "
                + name + " 0\" " + name);
    }

    @Test
    void resourcesAreDefinedOnlyWhereTheirFileExists() throws Exception {
        sim.fleet().host("nim01").writeFile("/export/nim/web.spec", "general:\n\tname = \"web\"\n");
        ok("nim01", "nim -o define -t wpar_spec -a server=master -a location=/export/nim/web.spec web_spec");
        assertThat(ok("nim01", "lsnim -l web_spec").out()).isEqualTo("web_spec:\n"
                + "   class          = resources\n"
                + "   type           = wpar_spec\n"
                + "   Rstate         = ready for use\n"
                + "   location       = /export/nim/web.spec\n"
                + "   server         = master\n");
        refused("nim01", "nim -o define -t wpar_spec -a server=master -a location=/export/nim/none.spec none_spec",
                MASTER_ERROR + "   0042-154 c_stat: the file or directory \"/export/nim/none.spec\" does not exist\n");
        refused("nim01", "nim -o define -t savewpar -a server=master -a location=/export/images/none.save none_save",
                MASTER_ERROR + "   0042-154 c_stat: the file or directory \"/export/images/none.save\" does not exist\n");
        refused("nim01", "nim -o define -t savewpar -a server=master none_save",
                MASTER_ERROR + "   the \"location\" attribute is required to define a savewpar resource\n");
        assertThat(ok("nim01", "lsnim -t savewpar").out()).doesNotContain("none_save");
        // an image saved into the repository the master mounts can be defined at once
        ok("lpar00", "savewpar -f /images/wpr00b.save wpr00");
        ok("nim01", "nim -o define -t savewpar -a server=master -a location=/export/images/wpr00b.save sav_wpr00b");
        assertThat(ok("nim01", "lsnim -t savewpar").out()).contains("sav_wpr00b");
    }

    @Test
    void createFromASpecResourceAppliesItsResourceControlsAndCmdFlags() throws Exception {
        defineWpar("wpr10", "lpar00");
        assertThat(ok("nim01", "lsnim -l wpr10").out()).isEqualTo("wpr10:\n"
                + "   class          = machines\n"
                + "   type           = wpar\n"
                + "   connect        = shell\n"
                + "   platform       = chrp\n"
                + "   if1            = net1 wpr10 0\n"
                + "   mgmt_profile1  = lpar00 wpr10\n"
                + "   Cstate         = ready for a NIM operation\n"
                + "   Mstate         = not running\n"
                + "   wpar_state     = Defined\n");
        SimSsh.Result created = ok("nim01", "nim -o create -a wpar_spec=wpar_spec1"
                + " -a cmd_flags=\"-N address=9.3.5.190 -R shares_memory=5\" wpr10");
        assertThat(created.out()).contains("Workload partition wpr10 created successfully.");
        assertThat(state("lpar00", "wpr10")).isEqualTo("D");
        assertThat(ok("lpar00", "lswpar -c -q -a name,hostname,directory wpr10").out())
                .isEqualTo("wpr10:wpr10:/wpars/wpr10\n");
        assertThat(ok("lpar00", "lswpar -c -q -N wpr10").out()).contains("9.3.5.190");
        assertThat(ok("lpar00", "lswpar -c -q -R wpr10").out())
                .isEqualTo("wpr10:yes::10:5%-50%,60%:5:0%-100%,100%:unlimited:unlimited:unlimited\n");
        assertThat(ok("nim01", "lsnim -l wpr10").out()).endsWith("   Cstate         = ready for a NIM operation\n"
                + "   Mstate         = not running\n"
                + "   wpar_state     = Created\n");
        ok("nim01", "nim -o activate wpr10");
        assertThat(state("lpar00", "wpr10")).isEqualTo("A");
        assertThat(ok("nim01", "lsnim -l wpr10").out()).endsWith("   Mstate         = currently running\n"
                + "   wpar_state     = Running\n");
        // the standalone clients, for a chooser of managing systems
        assertThat(ok("nim01", "lsnim -t standalone").out()).isEqualTo(
                "lpar00              machines        standalone\n"
                        + "lpar01              machines        standalone\n"
                        + "lpar05              machines        standalone\n");
    }

    @Test
    void createFromASavewparResourceRestoresTheImageWithItsControls() throws Exception {
        ok("lpar00", "savewpar -f /images/wpr00.save wpr00");
        defineWpar("wpr11", "lpar01");
        SimSsh.Result created = ok("nim01", "nim -o create -a savewpar=savewpar_wpr00"
                + " -a cmd_flags=\"-M '-N address=9.3.5.191 -R totalProcesses=64'\" wpr11");
        assertThat(created.out()).contains("Workload partition wpr11 created successfully.");
        assertThat(state("lpar01", "wpr11")).isEqualTo("D");
        assertThat(ok("lpar01", "lswpar -c -q -R wpr11").out())
                .isEqualTo("wpr11:yes::10:5%-50%,60%:unlimited:0%-100%,100%:unlimited:64:unlimited\n");
        assertThat(ok("lpar01", "lswpar -c -q -N wpr11").out()).contains("9.3.5.191");
        assertThat(sim.fleet().nimWparState("wpr11")).isEqualTo("Created");
    }

    @Test
    void nimRefusesWhatItCannotDo() throws Exception {
        defineWpar("wpr12", "lpar00");
        // a duplicate machine object
        refused("nim01", "nim -o define -t wpar -a mgmt_profile1=\"lpar01 wpr12\" -a if1=\"find_net wpr12 0\" wpr12",
                "0042-081 nim: \"wpr12\" is already being used as a NIM object name\n");
        // an unknown resource
        refused("nim01", "nim -o create -a wpar_spec=nosuch wpr12", "0042-053 nim: there is no NIM object named \"nosuch\"\n");
        refused("nim01", "nim -o create -a savewpar=wpar_spec1 wpr12",
                "0042-053 nim: there is no NIM object named \"wpar_spec1\"\n");
        // a savewpar resource whose image is gone
        refused("nim01", "nim -o create -a savewpar=savewpar_wpr00 wpr12",
                MASTER_ERROR + "   Cannot open /export/images/wpr00.save: No such file or directory\n");
        // a managing system below AIX 6.1 TL2 (RB:9626): no object is defined
        refused("nim01", "nim -o define -t wpar -a mgmt_profile1=\"lpar05 wpr13\" -a if1=\"find_net wpr13 0\" wpr13",
                MASTER_ERROR + "   the managing system \"lpar05\" is at AIX 6100-01-03-0822: NIM manages WPARs on AIX 6.1 TL2"
                        + " (6100-02) or later\n");
        assertThat(ok("nim01", "lsnim -t wpar").out()).doesNotContain("wpr13");
        // application WPARs (RB:9619): from a spec that names an application, or an existing one
        refused("nim01", "nim -o create -a wpar_spec=appspec wpr12", MASTER_ERROR + "   application WPARs are not supported:"
                + " the wpar_spec resource \"appspec\" defines an application workload partition (application = /hga/myapp)\n");
        refused("nim01", "nim -o define -t wpar -a mgmt_profile1=\"lpar00 app01\" -a if1=\"find_net app01 0\" app01",
                MASTER_ERROR + "   application WPARs are not supported: app01 on lpar00 is an application workload partition\n");
        assertThat(state("lpar00", "wpr12")).as("nothing was created").isNull();
        // the managing system down
        sim.fleet().host("lpar00").setDown(true);
        refused("nim01", "nim -o create -a wpar_spec=wpar_spec1 wpr12", "0042-006 nim: (To: lpar00) rcmd connection refused\n");
        sim.fleet().host("lpar00").setDown(false);
        // a WPAR that exists on the managing system
        defineWpar("wpr00", "lpar00");
        refused("nim01", "nim -o create -a wpar_spec=wpar_spec1 wpr00",
                MASTER_ERROR + "   workload partition wpr00 already exists on lpar00\n");
        assertThat(sim.fleet().nimWparState("wpr00")).isEqualTo("Created");
    }

    @Test
    void aNimMasterWhoseHostIsDownRefusesConnections() throws Exception {
        sim.fleet().faults().add(FaultRule.on("nim01").type(FaultType.REFUSE_CONNECTION).build());
        assertThatThrownBy(() -> sim.ssh().run("nim01", "lsnim")).as("closed before the SSH banner")
                .isInstanceOf(Exception.class);
        assertThat(sim.fleet().log().entries()).noneMatch(e -> e.host.equals("nim01"));
    }

    @Test
    void nimCreateWhoseConnectionDropsStillCreates() throws Exception {
        defineWpar("wpr14", "lpar00");
        sim.fleet().faults().add(FaultRule.on("nim01").command("nim").argContains("create")
                .type(FaultType.DROP_CONNECTION).once().build());
        SimSsh.Result r = sim.ssh().run("nim01", "nim -o create -a wpar_spec=wpar_spec1 wpr14");
        assertThat(r.exit()).as("no exit status").isEqualTo(-1);
        assertThat(state("lpar00", "wpr14")).isEqualTo("D");
        assertThat(ok("nim01", "lsnim -l wpr14").out()).contains("   wpar_state     = Created\n");
    }

    @Test
    void nimCreateAbandonedMidwayLeavesTheWparBroken() throws Exception {
        defineWpar("wpr15", "lpar00");
        sim.fleet().faults().add(FaultRule.on("nim01").command("nim").argContains("create").abandon(200).once().build());
        SimSsh.Result r = sim.ssh().run("nim01", "nim -o create -a wpar_spec=wpar_spec1 wpr15");
        assertThat(r.exit()).isEqualTo(-1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "B".equals(state("lpar00", "wpr15")));
        assertThat(sim.fleet().host("lpar00").wpar("wpr15").orElseThrow().lock).isNull();
    }

    @Test
    void detachedNimCreateGoesOnWhileTheMastersConnectionsDrop() throws Exception {
        defineWpar("wpr16", "lpar00");
        sim.fleet().faults().add(FaultRule.on("nim01").command("nim").argContains("create")
                .type(FaultType.DROP_CONNECTION).once().build());
        try (ClientSession watcher = sim.ssh().session("nim01")) {
            // started as wparflow-run start does, so that no session of its own is among those that drop
            sim.fleet().host("nim01").runs().start("c16",
                    List.of("nim", "-o", "create", "-a", "wpar_spec=wpar_spec1", "wpr16"));
            await().atMost(Duration.ofSeconds(10)).until(watcher::isClosed);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ok("nim01", "wparflow-run status c16").out(),
                s -> s.equals("c16 exited 0\n"));
        assertThat(state("lpar00", "wpr16")).isEqualTo("D");
    }

    @Test
    void detachedNimCreateKilledMidwayExits137AndLeavesTheWparBroken() throws Exception {
        defineWpar("wpr17", "lpar00");
        sim.fleet().faults().add(FaultRule.on("nim01").command("nim").argContains("create").abandon(200).once().build());
        ok("nim01", "wparflow-run start c17 -- nim -o create -a wpar_spec=wpar_spec1 wpr17");
        await().atMost(Duration.ofSeconds(10)).until(() -> ok("nim01", "wparflow-run status c17").out(),
                s -> s.equals("c17 exited 137\n"));
        assertThat(state("lpar00", "wpr17")).isEqualTo("B");
        assertThat(sim.fleet().nimWparState("wpr17")).isEqualTo("Created");
    }

    @Test
    void detachedMkwparAndRestwparMeetDropsAndKills() throws Exception {
        // mkwpar: the target's sessions drop mid-way, the run carries on and creates the WPAR
        sim.fleet().faults().add(FaultRule.on("lpar01").command("mkwpar").type(FaultType.DROP_CONNECTION).once().build());
        try (ClientSession watcher = sim.ssh().session("lpar01")) {
            sim.fleet().host("lpar01").runs().start("m1",
                    List.of("mkwpar", "-n", "wpr20", "-N", "address=9.3.5.195", "-R", "shares_CPU=4"));
            await().atMost(Duration.ofSeconds(10)).until(watcher::isClosed);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ok("lpar01", "wparflow-run status m1").out(),
                s -> s.equals("m1 exited 0\n"));
        assertThat(state("lpar01", "wpr20")).isEqualTo("D");
        assertThat(ok("lpar01", "lswpar -c -q -R wpr20").out()).startsWith("wpr20:yes::4:");
        // restwpar killed mid-way: exit 137, the WPAR Broken without a lock
        ok("lpar00", "savewpar -f /images/wpr00.save wpr00");
        sim.fleet().faults().add(FaultRule.on("lpar01").command("restwpar").abandon(200).once().build());
        ok("lpar01", "wparflow-run start r1 -- restwpar -n wpr21 -h wpr21 -M '-N address=9.3.5.196' -f /images/wpr00.save");
        await().atMost(Duration.ofSeconds(10)).until(() -> ok("lpar01", "wparflow-run status r1").out(),
                s -> s.equals("r1 exited 137\n"));
        assertThat(state("lpar01", "wpr21")).isEqualTo("B");
        assertThat(sim.fleet().host("lpar01").wpar("wpr21").orElseThrow().lock).isNull();
    }
}
