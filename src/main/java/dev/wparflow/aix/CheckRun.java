package dev.wparflow.aix;

/**
 * What one preflight check found on a host: {@code outcome} null when the command ran and its output parsed
 * ({@code value} is then the parsed value), else why not, with {@code message} (the AIX message, the parser's
 * "unknown format" line). {@code output} is the host's output as printed, stdout then stderr.
 */
public record CheckRun(String name, String commandLine, AixOutcome outcome, String message, int exitStatus,
        String output, Object value, java.util.List<String> unknownFields) {

    public CheckRun {
        unknownFields = unknownFields == null ? java.util.List.of() : java.util.List.copyOf(unknownFields);
    }

    public boolean ok() {
        return outcome == null;
    }
}
