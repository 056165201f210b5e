package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.WparCheckpoint;
import dev.wparflow.testsupport.TestFleets;

/**
 * Checkpoints as files on the repository that restartwpar reads back: a file written inside a system WPAR before
 * chkptwpar is there again after restartwpar on another LPAR, though it was removed meanwhile; {@code du -s -k}
 * sizes the checkpoint directory, {@code rm -r -f} removes it; {@code tee} inside a WPAR (clogin) writes under its
 * base directory.
 */
class CheckpointFilesTest {

    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(TestFleets.yaml("checkpoint")).instantCommands();

    SimSsh.Result ok(String host, String cmd) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, cmd);
        assertThat(r.exit()).as(host + ": " + cmd + " -> " + r).isZero();
        return r;
    }

    String file(String host, String path) {
        byte[] b = sim.fleet().host(host).file(path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void aFileWrittenInsideTheWparBeforeTheCheckpointIsBackAfterARestartOnAnotherLpar() throws Exception {
        String dir = "/images/checkpoints/mob01-1";
        sim.fleet().host("lpar00").writeFile("/wpars/mob01/home/job.state", "step 41 of 90\n");
        assertThat(ok("lpar00", "clogin mob01 cat /home/job.state").out()).isEqualTo("step 41 of 90\n");
        ok("lpar00", "mkwpar -w -o " + dir + "/wpar.spec -e mob01");
        ok("lpar00", "/opt/mcr/bin/chkptwpar -k -d " + dir + " mob01");
        assertThat(file("lpar01", dir + "/mob01.chkpt")).as("on the repository lpar01 mounts").isNotNull();
        assertThat(WparCheckpoint.parseWparName(file("lpar01", dir + "/wpar.spec"))).isEqualTo("mob01");
        // the file goes; only the checkpoint has it now
        ok("lpar00", "rm -f /wpars/mob01/home/job.state");
        assertThat(file("lpar01", "/wpars/mob01/home/job.state")).isNull();

        ok("lpar01", "mkwpar -p -f " + dir + "/wpar.spec");
        ok("lpar01", "/opt/mcr/bin/restartwpar -d " + dir + " mob01");

        assertThat(ok("lpar01", "lswpar -c -q -a name,state mob01").out().strip()).isEqualTo("mob01:A");
        assertThat(ok("lpar01", "clogin mob01 cat /home/job.state").out()).isEqualTo("step 41 of 90\n");
        long kb = WparCheckpoint.parseDiskUsageKb(ok("lpar01", "du -s -k " + dir).out());
        assertThat(kb).isPositive();
        ok("lpar01", "rm -r -f -- " + dir);
        assertThat(file("lpar00", dir + "/mob01.chkpt")).isNull();
        assertThat(sim.ssh().run("lpar00", "du -s -k " + dir).exit()).isEqualTo(2);
    }

    @Test
    void teeInsideAWparWritesUnderItsBaseDirectory() throws Exception {
        dev.wparflow.simulator.command.Invocation.bindStdin(
                new java.io.ByteArrayInputStream("written inside\n".getBytes(StandardCharsets.UTF_8)));
        try {
            int rc = sim.fleet().host("lpar00").runLine("root", "clogin mob01 tee /tmp/marker",
                    new java.io.ByteArrayOutputStream(), new java.io.ByteArrayOutputStream(), () -> { });
            assertThat(rc).isZero();
        } finally {
            dev.wparflow.simulator.command.Invocation.bindStdin(null);
        }
        assertThat(file("lpar00", "/wpars/mob01/tmp/marker")).isEqualTo("written inside\n");
        assertThat(file("lpar00", "/tmp/marker")).isNull();
    }

    @Test
    void rmWithoutRecursionNeverRemovesADirectory() throws Exception {
        sim.fleet().host("lpar00").writeFile("/images/x/a", "a");
        assertThat(sim.ssh().run("lpar00", "rm -f /images/x").exit()).isEqualTo(2);
        assertThat(file("lpar00", "/images/x/a")).isEqualTo("a");
        ok("lpar00", "rm -rf /images/x");
        assertThat(file("lpar00", "/images/x/a")).isNull();
    }
}
