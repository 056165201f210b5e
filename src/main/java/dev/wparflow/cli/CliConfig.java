package dev.wparflow.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's settings, read like the LPAR tool reads {@code ~/.lpar.cfg} and its system-wide file: the
 * system-wide {@code /etc/wparflow/wparflow.cfg} first, then the user's {@code ~/.wparflow.cfg}, whose entries win key
 * by key; options on the command line win over both. One {@code Key value} per line, {@code #} starts a comment, keys
 * in any case:
 *
 * <pre>
 * # the wparflow server
 * URL          http://wparflow.example.com:8080
 * User         operator
 * PasswordFile ~/.wparflow.password
 * </pre>
 */
public record CliConfig(String url, String user, String passwordFile, List<String> readFrom) {

    public static final String DEFAULT_URL = "http://localhost:8080";
    public static final String USER_FILE = ".wparflow.cfg";
    public static final Path SYSTEM_FILE = Path.of("/etc/wparflow/wparflow.cfg");

    static final List<String> KEYS = List.of("url", "user", "passwordfile");

    /** The settings of both files, the user's winning key by key; {@code url} defaults to {@link #DEFAULT_URL}. */
    public static CliConfig load(Path systemFile, Path userFile) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        for (Path file : new Path[] { systemFile, userFile }) {
            if (file != null && Files.isRegularFile(file)) {
                values.putAll(parse(file));
                read.add(file.toString());
            }
        }
        return new CliConfig(values.getOrDefault("url", DEFAULT_URL), values.get("user"), values.get("passwordfile"),
                List.copyOf(read));
    }

    /** The entries of one file; an unknown key is an error naming the file, line and the keys it knows. */
    static Map<String, String> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("[\\s=]+", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key) || kv.length < 2 || kv[1].isBlank()) {
                throw new CliException(ExitStatus.USAGE, file + " line " + (i + 1) + ": expected 'Key value' with"
                        + " Key one of URL, User, PasswordFile, not '" + line + "'");
            }
            values.put(key, kv[1].strip());
        }
        return values;
    }

    /** A copy with the given values where they are not null (the command line's options). */
    public CliConfig with(String url, String user, String passwordFile) {
        return new CliConfig(url != null ? url : this.url, user != null ? user : this.user,
                passwordFile != null ? passwordFile : this.passwordFile, readFrom);
    }

    /** {@code ~/} at the start of a path is the home directory. */
    static Path expand(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path);
    }
}
