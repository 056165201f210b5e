package dev.wparflow.cli;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code ssh connections}: the shared SSH session of every host (HMCs, LPARs, NIM masters), in the LPAR tool's lines. */
@Command(name = "ssh", description = "SSH sessions to every host of the inventory.",
        subcommands = SshCommand.Connections.class)
class SshCommand {

    @Command(name = "connections", description = "One line per host: 'lpar00: Master running (...)' or"
            + " 'lpar01: not connected'.")
    static class Connections extends ApiCommand {
        @Override
        public Integer call() {
            return printSessions(this, "");
        }
    }

    static int printSessions(ApiCommand command, String query) {
        JsonNode sessions = command.api().get("/api/ssh/sessions" + query);
        if (command.json()) {
            command.printJson(sessions);
        } else {
            sessions.forEach(s -> command.out().println(ApiCommand.text(s, "status")));
        }
        return ExitStatus.DONE;
    }
}
