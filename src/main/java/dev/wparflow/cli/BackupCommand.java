package dev.wparflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Backups beside a WPAR's own ({@code wpar backup}): the global environment's (GlobalBackupProcess: mksysb -N and
 * savevg) and the image catalog with each image's kind.
 */
@Command(name = "backup", description = "Back up a global environment (mksysb -N, savevg); list the image catalog.",
        subcommands = { BackupCommand.Global.class, BackupCommand.Images.class })
class BackupCommand {

    @Command(name = "global", description = "Back up an LPAR's global environment: mksysb -N of rootvg and savevg of"
            + " every other volume group holding WPAR file systems (GlobalBackupProcess).")
    static class Global extends StartCommand {
        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true, description = "the LPAR")
        String lpar;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why (one line)")
        String reason;

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("lpar", lpar);
            v.put("reason", reason);
            return start("GlobalBackupProcess", v);
        }
    }

    @Command(name = "images", description = "Images in the catalog, newest first: savewpar (a WPAR's), mksysb and"
            + " savevg (a global environment's).")
    static class Images extends ApiCommand {
        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", description = "only of this LPAR")
        String lpar;

        @Option(names = { "-w", "--wpar" }, paramLabel = "WPAR", description = "only of this WPAR")
        String wpar;

        @Option(names = { "-k", "--kind" }, paramLabel = "KIND", description = "only savewpar, mksysb or savevg")
        String kind;

        @Option(names = "--limit", paramLabel = "N", description = "at most N (default 200)")
        Integer limit;

        @Override
        public Integer call() {
            JsonNode images = api().get("/api/images" + Api.query("lpar", lpar, "wpar", wpar, "kind", kind,
                    "limit", limit == null ? null : String.valueOf(limit)));
            if (json()) {
                printJson(images);
                return ExitStatus.DONE;
            }
            out().print(render(images));
            out().flush();
            return ExitStatus.DONE;
        }

        static String render(JsonNode images) {
            Table t = new Table("Id", "Kind", "LPAR", "WPAR/VG", "Created", "State", "Size", "Path");
            for (JsonNode i : images) {
                String kind = text(i, "kind");
                String of = "savewpar".equals(kind) || kind == null ? text(i, "wpar")
                        : text(i, "volumeGroup") != null ? text(i, "volumeGroup") : "rootvg";
                t.row(text(i, "id"), kind == null ? "savewpar" : kind, text(i, "lpar"), of, text(i, "createdAt"),
                        text(i, "state"), text(i, "sizeBytes"), text(i, "path"));
            }
            return t.render();
        }
    }
}
