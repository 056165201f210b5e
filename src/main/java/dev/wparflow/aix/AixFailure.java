package dev.wparflow.aix;

import java.util.Map;

/**
 * Why a command did not do what was asked, as data. {@code message} is the line that explains it (the AIX message
 * or the first stderr line); {@code details} holds parsed extras, e.g. {@code lockCommand} and {@code lockPid} for
 * {@link AixOutcome#LOCKED_BY_OTHER_PROCESS}.
 */
public record AixFailure(AixOutcome outcome, String messageId, String message, String host, String command,
        int exitStatus, Map<String, String> details) {

    public AixFailure {
        details = details == null ? Map.of() : Map.copyOf(details);
        message = message == null ? "" : message;
    }

    /**
     * What a command that exited {@code exitStatus} with {@code output} (stdout and stderr together, as a detached
     * run keeps them) means, classified as {@link AixOutcomes} classifies any exit.
     */
    public static AixFailure ofExit(String host, String command, int exitStatus, String output) {
        return AixOutcomes.classify(new dev.wparflow.ssh.CommandResult(host, command, exitStatus, output, output, null));
    }

    /** One line for an incident or a log: host, command, outcome, message. */
    public String describe() {
        return outcome + " on " + host + ": " + command + " -> exit " + exitStatus
                + (messageId == null ? "" : " [" + messageId + "]") + (message.isEmpty() ? "" : ": " + message);
    }
}
