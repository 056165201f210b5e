package dev.wparflow.cli;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The LPAR tool's {@code hmc connections | connect | disconnect}: wparflow's shared SSH sessions to the HMCs
 * ({@code /api/ssh/sessions}), printed in the LPAR tool's lines.
 */
@Command(name = "hmc", description = "SSH sessions to the HMCs, as the LPAR tool's hmc command shows them.",
        subcommands = { HmcCommand.Connections.class, HmcCommand.Connect.class, HmcCommand.Disconnect.class })
class HmcCommand {

    @Command(name = "connections", description = "One line per HMC: 'hmc01: Master running (...)' or"
            + " 'hmc02: not connected'.")
    static class Connections extends ApiCommand {
        @Override
        public Integer call() {
            return SshCommand.printSessions(this, "?kind=hmc");
        }
    }

    @Command(name = "connect", description = "Open the master session to an HMC now ('master connection created').")
    static class Connect extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "the HMC (or any host of the inventory)")
        String name;

        @Override
        public Integer call() {
            JsonNode answer = api().post("/api/ssh/sessions/" + Api.segment(name) + "/connect", null);
            if (json()) {
                printJson(answer);
            } else {
                out().println(text(answer, "message"));
            }
            return ExitStatus.DONE;
        }
    }

    @Command(name = "disconnect", description = "Close the master session to an HMC ('connection to hmc01"
            + " terminated').")
    static class Disconnect extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "the HMC (or any host of the inventory)")
        String name;

        @Option(names = "--force", description = "close it even while commands run over it")
        boolean force;

        @Override
        public Integer call() {
            JsonNode answer = api().post("/api/ssh/sessions/" + Api.segment(name) + "/disconnect"
                    + (force ? "?force=true" : ""), null);
            if (json()) {
                printJson(answer);
            } else {
                out().println(text(answer, "message"));
            }
            return ExitStatus.DONE;
        }
    }
}
