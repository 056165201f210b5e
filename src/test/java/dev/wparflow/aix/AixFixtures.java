package dev.wparflow.aix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * src/test/resources/aix-fixtures: command outputs of AIX 7.1, 7.2 and 7.3 (one directory per level) and outputs
 * every parser must refuse ({@code unknown/}). Each file starts with {@code ## } lines (Source, Command, Expect);
 * the rest is the output.
 */
public final class AixFixtures {

    public static final Path ROOT = Path.of("src/test/resources/aix-fixtures");
    public static final List<String> LEVELS = List.of("7.1", "7.2", "7.3");

    private AixFixtures() {
    }

    /** The output of {@code LEVEL/NAME.txt}, without its header lines. */
    public static String output(String level, String name) {
        return text(ROOT.resolve(level).resolve(name + ".txt")).lines().filter(l -> !l.startsWith("## "))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The value of header line {@code ## KEY: value} of a fixture. */
    public static String header(Path file, String key) {
        return text(file).lines().filter(l -> l.startsWith("## " + key + ": ")).findFirst()
                .map(l -> l.substring(key.length() + 5)).orElseThrow(() -> new IllegalStateException(file + ": no " + key));
    }

    public static String body(Path file) {
        return text(file).lines().filter(l -> !l.startsWith("## ")).collect(Collectors.joining("\n", "", "\n"));
    }

    public static List<Path> files(String dir) {
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
