package dev.wparflow.aix;

import dev.wparflow.ssh.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/** Loads src/test/resources/dev/wparflow/aix/transcripts/NAME: the output, without the "## " header lines. */
final class Transcripts {

    private Transcripts() {
    }

    static String output(String name) {
        try (InputStream in = Transcripts.class.getResourceAsStream("transcripts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.startsWith("## ")).collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A successful run: the transcript on stdout. */
    static CommandResult ok(String name, AixCommand command) {
        return new CommandResult("lpar00", command.commandLine(), 0, output(name), "", Duration.ofMillis(5));
    }

    /** A failed run: the transcript on stderr (ERROR-level WPAR messages go to stderr, RB:14506). */
    static CommandResult failed(String name, AixCommand command, int exit) {
        return new CommandResult("lpar00", command.commandLine(), exit, "", output(name), Duration.ofMillis(5));
    }
}
