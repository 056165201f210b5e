package dev.wparflow.simulator.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The saved fleet state on disk ({@code data/simulator/fleet-state.json}): one header line with the format, the
 * length and the SHA-256 of the JSON that follows, so a partial or damaged file is told from a good one. Written
 * atomically (a temporary file in the same directory, then a rename): a crash leaves the previous state or the new one.
 * A file that cannot be read is refused with one log line and kept aside as {@code fleet-state.json.corrupt}.
 */
public final class FleetStateFile {
    public static final String FILE_NAME = "fleet-state.json";
    private static final Logger LOG = LoggerFactory.getLogger(FleetStateFile.class);
    private static final String MAGIC = "#wparflow-fleet-state";
    private static final Pattern HEADER = Pattern.compile(
            "#wparflow-fleet-state (\\d+) bytes=(\\d+) sha256=([0-9a-f]{64})");
    static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path file;

    public FleetStateFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** The file a refused state is kept as. */
    public Path corruptPath() {
        return file.resolveSibling(FILE_NAME + ".corrupt");
    }

    /** The file a state of another fleet file is kept as. */
    public Path stalePath() {
        return file.resolveSibling(FILE_NAME + ".stale");
    }

    /** Writes the state atomically; returns the bytes written. */
    public long write(FleetState state) throws IOException {
        byte[] body = JSON.writeValueAsBytes(state);
        byte[] header = (MAGIC + " " + FleetState.FORMAT + " bytes=" + body.length + " sha256=" + sha256(body) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            try (var out = Files.newOutputStream(tmp)) {
                out.write(header);
                out.write(body);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return header.length + body.length;
    }

    /**
     * The saved state, or empty when there is none or it cannot be read; a file that cannot be read is moved to
     * {@link #corruptPath()} and said in one WARN line.
     */
    public Optional<FleetState> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage();
            try {
                Files.move(file, corruptPath(), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                reason += "; could not move it aside: " + moveFailed.getMessage();
            }
            LOG.warn("simulator state {} refused ({}): starting from the fleet file; the file is kept as {}",
                    file, reason, corruptPath().getFileName());
            return Optional.empty();
        }
    }

    /** Keeps the state of another fleet file aside as {@link #stalePath()}. */
    public void setAsideAsStale() throws IOException {
        if (Files.exists(file)) {
            Files.move(file, stalePath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the saved state (and what was kept aside): the next start begins from the fleet file. */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(corruptPath());
        Files.deleteIfExists(stalePath());
    }

    static FleetState parse(byte[] content) throws IOException {
        int nl = indexOf(content, (byte) '\n');
        if (nl < 0) {
            throw new IOException("no header line");
        }
        String header = new String(content, 0, nl, StandardCharsets.US_ASCII);
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw new IOException("not a wparflow fleet state (header " + abbreviate(header) + ")");
        }
        int format = Integer.parseInt(m.group(1));
        if (format != FleetState.FORMAT) {
            throw new IOException("format " + format + ", this simulator reads format " + FleetState.FORMAT);
        }
        long expected = Long.parseLong(m.group(2));
        int length = content.length - nl - 1;
        if (length != expected) {
            throw new IOException("partial: " + length + " of " + expected + " bytes");
        }
        byte[] body = java.util.Arrays.copyOfRange(content, nl + 1, content.length);
        if (!sha256(body).equals(m.group(3))) {
            throw new IOException("checksum mismatch");
        }
        FleetState state = JSON.readValue(body, FleetState.class);
        if (state.hosts() == null || state.fleet() == null) {
            throw new IOException("no hosts or no fleet fingerprint");
        }
        return state;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length && i < 512; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
