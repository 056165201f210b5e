package dev.wparflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checkpoints (docs/checkpoints.md): {@code wpar checkpoint} and {@code wpar restart} start WparCheckpointProcess
 * with the inputs of its contract ({@code action}, {@code lpar}, {@code wpar}, {@code kill}, {@code checkpointId},
 * {@code changeReason}); {@code checkpoint list} lists the catalogued checkpoints ({@code GET /api/checkpoints}).
 */
final class CheckpointCommands {

    private CheckpointCommands() {
    }

    @Command(name = "checkpoint", description = "Checkpoint a WPAR into the repository (WparCheckpointProcess,"
            + " chkptwpar; approval with --kill).")
    static class Checkpoint extends StartCommand {
        @Parameters(paramLabel = "NAME")
        String wpar;

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true, description = "its LPAR")
        String lpar;

        @Option(names = "--kill", description = "stop the WPAR once checkpointed (chkptwpar -k)")
        boolean kill;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why (the change reason)")
        String reason;

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("action", "checkpoint");
            v.put("lpar", lpar);
            v.put("wpar", wpar);
            if (kill) {
                v.put("kill", true);
            }
            v.put("changeReason", reason);
            return start("WparCheckpointProcess", v);
        }
    }

    @Command(name = "restart", description = "Restart a WPAR from one of its checkpoints (WparCheckpointProcess,"
            + " restartwpar; approval).")
    static class Restart extends StartCommand {
        @Parameters(paramLabel = "NAME")
        String wpar;

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true,
                description = "where to restart it (its LPAR or another one that mounts the repository)")
        String lpar;

        @Option(names = "--checkpoint", paramLabel = "ID", required = true,
                description = "the checkpoint (wparflow checkpoint list)")
        long checkpoint;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why (the change reason)")
        String reason;

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("action", "restart");
            v.put("lpar", lpar);
            v.put("wpar", wpar);
            v.put("checkpointId", checkpoint);
            v.put("changeReason", reason);
            return start("WparCheckpointProcess", v);
        }
    }

    @Command(name = "checkpoint", description = "Checkpoints in the repository.",
            subcommands = { CheckpointCommands.ListCheckpoints.class })
    static class CheckpointCommand {
    }

    @Command(name = "list", description = "The catalogued checkpoints, newest first.")
    static class ListCheckpoints extends ApiCommand {
        @Option(names = { "-w", "--wpar" }, paramLabel = "WPAR", description = "only of this WPAR")
        String wpar;

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", description = "only taken on this LPAR")
        String lpar;

        @Override
        public Integer call() {
            JsonNode found = api().get("/api/checkpoints" + Api.query("wpar", wpar, "lpar", lpar));
            if (json()) {
                printJson(found);
                return ExitStatus.DONE;
            }
            out().print(render(found));
            out().flush();
            return ExitStatus.DONE;
        }

        static String render(JsonNode checkpoints) {
            Table t = new Table("ID", "WPAR", "LPAR", "Taken", "By", "Killed", "Size KB", "Scheduled", "Directory");
            for (JsonNode c : checkpoints) {
                t.row(text(c, "id"), text(c, "wpar"), text(c, "lpar"), text(c, "takenAt"), text(c, "takenBy"),
                        c.path("killed").asBoolean() ? "yes" : "no", text(c, "sizeKb"),
                        c.path("scheduled").asBoolean() ? "yes" : "no", text(c, "directory"));
            }
            return t.render();
        }
    }
}
