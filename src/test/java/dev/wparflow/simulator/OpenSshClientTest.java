package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Drives the simulator with the system's OpenSSH client and strict host key checking against the
 * fleet's known_hosts. Skipped when /usr/bin/ssh is absent (CI needs the openssh-client package).
 */
class OpenSshClientTest {
    record Out(int exit, String out, String err) {
    }

    static Out ssh(Fleet fleet, String host, String command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-p", String.valueOf(fleet.host(host).port()),
                "-i", fleet.clientKeyPath().toString(), "-o", "UserKnownHostsFile=" + fleet.knownHostsPath(),
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "GlobalKnownHostsFile=/dev/null", "-F", "/dev/null", "root@127.0.0.1", command));
        Process p = new ProcessBuilder(cmd).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Out(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void openSshClientRunsCommandsWithStrictHostKeyChecking() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")), "OpenSSH client (/usr/bin/ssh) not installed: apt-get install -y openssh-client");
        FleetSpec spec = FleetSpec.parse("""
                hosts:
                  - name: lpar00
                    wpars: [{name: wpr00, state: D, address: 9.3.5.182}]
                """);
        try (Fleet fleet = Fleet.start(spec, FleetOptions.forTests())) {
            Out r = ssh(fleet, "lpar00", "lswpar");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("""
                    Name   State  Type  Hostname  Directory
                    -------------------------------------------
                    wpr00  D      S     wpr00     /wpars/wpr00
                    """);
            Out start = ssh(fleet, "lpar00", "startwpar wpr00");
            assertThat(start.exit()).isZero();
            assertThat(start.out()).contains("0513-059 The cor_wpr00 Subsystem has been started.");
            Out refused = ssh(fleet, "lpar00", "chwpar -n x wpr00");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("0960-053");
            // OpenSSH sends the command line as typed; the simulator refuses shell metacharacters
            Out meta = ssh(fleet, "lpar00", "lswpar | wc -l");
            assertThat(meta.exit()).isEqualTo(2);
            assertThat(fleet.log().refused()).hasSize(1);
            Out quoted = ssh(fleet, "lpar00", "restwpar -M '-N address=9.3.5.183' -f /backup/none.save");
            assertThat(quoted.err()).contains("0960-512");
        }
    }
}
