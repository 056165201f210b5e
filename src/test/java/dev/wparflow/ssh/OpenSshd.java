package dev.wparflow.ssh;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH sshd on a loopback port, in the foreground, with its own host key, authorized_keys and
 * config in a temp directory ({@code /usr/sbin/sshd -D -e -f CONFIG -p PORT}). Debian/Ubuntu package:
 * openssh-server (and openssh-client for ssh-keygen/ssh-keyscan).
 */
public final class OpenSshd implements AutoCloseable {

    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    public static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private final Process process;
    private final int port;
    private final Path dir;
    private final Path clientKey;

    private OpenSshd(Process process, int port, Path dir, Path clientKey) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.clientKey = clientKey;
    }

    /** Null if the machine cannot run one (the reason is then in {@link #whyNot()}). */
    public static String whyNot() {
        if (!Files.isExecutable(SSHD)) {
            return SSHD + " not installed (apt-get install openssh-server openssh-client)";
        }
        if (!Files.isExecutable(SSH_KEYGEN)) {
            return SSH_KEYGEN + " not installed (apt-get install openssh-client)";
        }
        if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(Path.of("/run/sshd"))) {
            try {
                Files.createDirectories(Path.of("/run/sshd"));
            } catch (IOException e) {
                return "sshd as root needs /run/sshd (privilege separation) and it cannot be created";
            }
        }
        return null;
    }

    public static OpenSshd start(Path dir) throws Exception {
        return start(dir, List.of());
    }

    /** With more {@code sshd_config} lines, e.g. a {@code ForceCommand} that puts stub commands first on PATH. */
    public static OpenSshd start(Path dir, List<String> extraConfig) throws Exception {
        keygen(dir.resolve("host_ed25519"));
        Path clientKey = dir.resolve("client_ed25519");
        keygen(clientKey);
        Files.copy(dir.resolve("client_ed25519.pub"), dir.resolve("authorized_keys"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd.pid"),
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "StrictModes no",
                "MaxSessions 10",
                String.join("\n", extraConfig),
                "") );
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString(), "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .failFast("sshd exited", () -> !p.isAlive())
                    .until(() -> listens(port));
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            p.destroyForcibly();
            throw new IllegalStateException("sshd did not listen on " + port + ": " + Files.readString(dir.resolve("sshd.log")), e);
        }
        return new OpenSshd(p, port, dir, clientKey);
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void keygen(Path file) throws Exception {
        Process k = new ProcessBuilder(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "wparflow-test",
                "-f", file.toString()).redirectErrorStream(true).start();
        if (!k.waitFor(30, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + new String(k.getInputStream().readAllBytes()));
        }
    }

    public int port() {
        return port;
    }

    public Path clientKey() {
        return clientKey;
    }

    public SshEndpoint endpoint(String name) {
        return new SshEndpoint(name, "127.0.0.1", port, System.getProperty("user.name"));
    }

    /** The known_hosts line for this server, as ssh-keyscan would print it. */
    public String knownHostsLine() throws IOException {
        String[] pub = Files.readString(dir.resolve("host_ed25519.pub")).trim().split("\\s+");
        return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // per-connection children of sshd exit when their connections close
        List<ProcessHandle> left = process.descendants().toList();
        left.forEach(ProcessHandle::destroy);
    }
}
