package dev.wparflow.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.Yaml;

/**
 * The simulated fleet seen as the README shows it: OpenSSH's client with the simulator's client key and known_hosts,
 * on the port the simulator wrote into its inventory file (random ports in tests).
 */
final class SimulatedHosts {

    private final Path simulatorDir;

    SimulatedHosts(Path workDir) {
        this.simulatorDir = workDir.resolve("data/simulator");
    }

    /** {@code name:state} of every WPAR the host's {@code lswpar} lists. */
    List<String> wpars(String host) throws IOException, InterruptedException {
        return ssh(host, "lswpar -c -a name,state -q").lines().filter(l -> !l.isBlank()).toList();
    }

    String ssh(String host, String command) throws IOException, InterruptedException {
        Process ssh = new ProcessBuilder("ssh", "-p", String.valueOf(port(host)),
                "-i", simulatorDir.resolve("client_key").toString(),
                "-o", "UserKnownHostsFile=" + simulatorDir.resolve("known_hosts"), "-o", "BatchMode=yes",
                "root@127.0.0.1", command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = ssh.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!ssh.waitFor(30, TimeUnit.SECONDS) || ssh.exitValue() != 0) {
            throw new AssertionError("ssh " + host + " " + command + " failed: " + out);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private int port(String host) throws IOException {
        Map<String, Object> inventory = new Yaml().load(Files.readString(simulatorDir.resolve("inventory.yaml")));
        for (Map<String, Object> lpar : (List<Map<String, Object>>) inventory.get("lpars")) {
            if (host.equals(lpar.get("name"))) {
                return ((Number) lpar.get("port")).intValue();
            }
        }
        throw new AssertionError("the simulator's inventory has no LPAR " + host);
    }
}
