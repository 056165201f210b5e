package dev.wparflow.simulator.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

/**
 * Keys of a fleet, kept in the data directory so they survive restarts:
 * {@code hostkeys/NAME} (one OpenSSH private key per host), {@code client_key} (+ .pub, the key the
 * fleet accepts; OpenSSH can use it with -i) and {@code known_hosts} ({@code [127.0.0.1]:PORT key}
 * for every host). Keys are ECDSA P-256 (fast to generate).
 */
public final class FleetKeys {
    private FleetKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the key at {@code file}, or generates and writes it (mode 600) when absent. */
    public static KeyPair loadOrCreate(Path file, String comment) {
        try {
            if (Files.exists(file)) {
                Iterator<KeyPair> it = new FileKeyPairProvider(file).loadKeys(null).iterator();
                if (it.hasNext()) {
                    return it.next();
                }
            }
            KeyPair kp = generate();
            write(file, kp, comment);
            return kp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, KeyPair kp, String comment) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, comment, null, out);
        }
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub"), openSsh(kp.getPublic()) + " " + comment + "\n");
    }

    public static String openSsh(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** Writes known_hosts: one {@code [127.0.0.1]:PORT KEY} line per host (plus {@code [localhost]:PORT}). */
    public static void writeKnownHosts(Path file, Map<Integer, PublicKey> byPort) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Integer, PublicKey> e : byPort.entrySet()) {
            String k = openSsh(e.getValue());
            sb.append("[127.0.0.1]:").append(e.getKey()).append(' ').append(k).append('\n');
            sb.append("[localhost]:").append(e.getKey()).append(' ').append(k).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    public static PublicKey parsePublic(String line) {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(line.trim()).resolvePublicKey(null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad public key: " + line, e);
        }
    }

    public static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
