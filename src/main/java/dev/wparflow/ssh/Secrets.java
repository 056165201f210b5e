package dev.wparflow.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a secret from an environment variable or a file (a mounted Kubernetes/systemd secret). Never from YAML. */
final class Secrets {

    private Secrets() {
    }

    /** @return the secret, or null if neither source is configured */
    static String read(String what, String envName, String file) {
        if (envName != null && !envName.isBlank()) {
            String v = System.getenv(envName);
            if (v == null) {
                throw new IllegalStateException("SSH " + what + " environment variable " + envName + " is not set");
            }
            return v;
        }
        if (file != null && !file.isBlank()) {
            Path p = Path.of(SshSessionPool.expandHome(file));
            try {
                String v = Files.readString(p, StandardCharsets.UTF_8);
                int nl = v.indexOf('\n');
                return (nl >= 0 ? v.substring(0, nl) : v).replace("\r", "");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read SSH " + what + " file " + p + ": "
                        + e.getClass().getSimpleName());
            }
        }
        return null;
    }
}
