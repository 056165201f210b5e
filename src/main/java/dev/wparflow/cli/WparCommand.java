package dev.wparflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * WPARs of the inventory ({@code /api/wpars}) and one verb per operation on them, each starting its process with the
 * inputs of its input contract (docs/security.md, "Input contracts").
 */
@Command(name = "wpar", description = "WPARs: list and show them; relocate, back up, restore, clone, provision,"
        + " decommission; start, stop, reboot, recover; change their resource controls; checkpoint and restart;"
        + " sync their software with their global environment.",
        subcommands = { WparCommand.ListWpars.class, WparCommand.Show.class, WparCommand.Relocate.class,
                WparCommand.Backup.class, WparCommand.Restore.class, WparCommand.Clone.class,
                WparCommand.Provision.class, WparCommand.Decommission.class, LifecycleCommands.Start.class,
                LifecycleCommands.Stop.class, LifecycleCommands.Reboot.class, LifecycleCommands.Recover.class,
                ResourcesCommand.class, CheckpointCommands.Checkpoint.class, CheckpointCommands.Restart.class,
                WparSyncCommand.class })
class WparCommand {

    /** lswpar's state letters by the inventory's state names. */
    static final Map<String, String> STATE_LETTERS = Map.of("DEFINED", "D", "ACTIVE", "A", "BROKEN", "B",
            "TRANSITIONAL", "T", "PAUSED", "P", "FROZEN", "F", "LOADED", "L", "MOVING", "M", "MAINTENANCE", "N");

    static String letter(String name, Map<String, String> letters) {
        return name == null ? "?" : letters.getOrDefault(name, "?");
    }

    @Command(name = "list", description = "WPARs in lswpar's columns, plus their LPAR.")
    static class ListWpars extends ApiCommand {
        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", description = "only on this LPAR")
        String lpar;

        @Option(names = { "-s", "--state" }, paramLabel = "STATE",
                description = "only in this state: letter (A), word (Active) or name (ACTIVE)")
        String state;

        @Option(names = { "-g", "--group" }, paramLabel = "GROUP",
                description = "only on the hosts of this group (wparflow.backup.groups)")
        String group;

        @Option(names = "--drifting", description = "only WPARs whose software levels differ from their global"
                + " environment's (discovery measures them)")
        boolean drifting;

        @Override
        public Integer call() {
            JsonNode wpars = api().get("/api/wpars" + Api.query("host", lpar, "state", state, "group", group,
                    "softwareInSync", drifting ? "false" : null));
            if (json()) {
                printJson(wpars);
                return ExitStatus.DONE;
            }
            out().print(render(wpars));
            out().flush();
            return ExitStatus.DONE;
        }

        /**
         * lswpar's default table (Name State Type Hostname Directory RootVG WPAR), the LPAR and the software levels
         * against the global environment: {@code in sync}, {@code DRIFT n} (n filesets differ: sync it), {@code -}
         * not checked (not Active at the last discovery, or an application WPAR). RootVG WPAR is "-": the inventory
         * does not record it.
         */
        static String render(JsonNode wpars) {
            Table t = new Table("Name", "State", "Type", "Hostname", "Directory", "RootVG WPAR", "LPAR", "Software");
            for (JsonNode w : wpars) {
                t.row(text(w, "name"), letter(text(w, "state"), STATE_LETTERS),
                        letter(text(w, "type"), Map.of("SYSTEM", "S", "APPLICATION", "A")), text(w, "hostname"),
                        text(w, "directory"), "-", text(w, "lpar"), software(w));
            }
            return t.render();
        }

        static String software(JsonNode w) {
            JsonNode inSync = w.get("softwareInSync");
            if (inSync == null || inSync.isNull()) {
                return "-";
            }
            if (inSync.asBoolean()) {
                return "in sync";
            }
            JsonNode drift = w.get("driftingFilesets");
            return "DRIFT " + (drift == null ? "?" : String.valueOf(drift.size()));
        }
    }

    @Command(name = "show", description = "One WPAR as the inventory knows it (every LPAR it is found on).")
    static class Show extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            JsonNode found = api().get("/api/wpars" + Api.query("name", name));
            if (json()) {
                printJson(found);
            }
            if (found.size() == 0) {
                throw new CliException(ExitStatus.REFUSED_OR_FAILED, "no WPAR " + name + " in the inventory");
            }
            if (!json()) {
                boolean first = true;
                for (JsonNode w : found) {
                    if (!first) {
                        out().println();
                    }
                    first = false;
                    w.fields().forEachRemaining(f -> out().printf("%-16s %s%n", f.getKey() + ":",
                            f.getValue().isNull() ? "-" : f.getValue().asText()));
                }
                out().flush();
            }
            return ExitStatus.DONE;
        }
    }

    static class Target {
        @Option(names = "--to", paramLabel = "LPAR", required = true, description = "the arriving LPAR")
        String to;

        @Option(names = "--choose", required = true,
                description = "let wparflow choose a compatible LPAR from the inventory")
        boolean choose;
    }

    @Command(name = "relocate", description = "Move a WPAR to another LPAR (WparRelocationProcess): checks,"
            + " approval, window, static or live move.")
    static class Relocate extends StartCommand {
        @Parameters(paramLabel = "NAME")
        String wpar;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = { "-l", "--from" }, paramLabel = "LPAR",
                description = "the departing LPAR (default: where the inventory has the WPAR)")
        String from;

        @Option(names = "--mode", paramLabel = "MODE", description = "static, live or auto (default: auto)")
        String mode;

        @Option(names = "--validate-only", description = "run the checks only, change nothing")
        boolean validateOnly;

        @Option(names = "--window", paramLabel = "TIME",
                description = "maintenance window start, ISO-8601 with offset (2026-11-22T22:00:00Z)")
        String window;

        @Option(names = "--quorum", paramLabel = "N", description = "approvals needed (1-5)")
        Integer quorum;

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("wpar", wpar);
            v.put("departingLpar", from != null ? from : lparOf(wpar));
            if (target.choose) {
                v.put("chooseForMe", true);
            } else {
                v.put("arrivingLpar", target.to);
            }
            v.put("mode", mode == null ? null : mode.toLowerCase(Locale.ROOT));
            if (validateOnly) {
                v.put("validateOnly", true);
            }
            v.put("maintenanceWindowStart", window);
            v.put("quorum", quorum);
            return start("WparRelocationProcess", v);
        }
    }

    @Command(name = "backup", description = "Back up a system WPAR into the image catalog (WparBackupProcess).")
    static class Backup extends StartCommand {
        @Parameters(paramLabel = "NAME")
        String wpar;

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", description = "its LPAR (default: the inventory's)")
        String lpar;

        @Option(names = "--consistency", paramLabel = "MODE", description = "none, stop or quiesce")
        String consistency;

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("host", lpar != null ? lpar : lparOf(wpar));
            v.put("wpar", wpar);
            v.put("consistency", consistency);
            return start("WparBackupProcess", v);
        }
    }

    @Command(name = "restore", description = "Restore a system WPAR from a catalog image (WparRestoreProcess).")
    static class Restore extends StartCommand {
        @Parameters(paramLabel = "NAME")
        String wpar;

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true, description = "where to restore it")
        String lpar;

        @Option(names = "--image", paramLabel = "ID", description = "the image (default: the newest GOOD one)")
        String image;

        @Option(names = "--source-lpar", paramLabel = "LPAR", description = "whose images (default: --lpar)")
        String sourceLpar;

        @Option(names = "--existing", paramLabel = "WHAT", description = "refuse, remove or rename an existing WPAR")
        String existing;

        @Option(names = "--rename-to", paramLabel = "NAME", description = "with --existing rename: its new name")
        String renameTo;

        @Option(names = "--start", description = "start it once restored")
        boolean startIt;

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("host", lpar);
            v.put("wpar", wpar);
            v.put("imageId", image);
            v.put("sourceLpar", sourceLpar);
            v.put("existing", existing);
            v.put("renameTo", renameTo);
            if (startIt) {
                v.put("start", true);
            }
            return start("WparRestoreProcess", v);
        }
    }

    @Command(name = "clone", description = "Clone a catalog image to a new WPAR (WparCloneProcess).")
    static class Clone extends StartCommand {
        @Parameters(paramLabel = "NAME", description = "the new WPAR's name")
        String wpar;

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true, description = "where to create it")
        String lpar;

        @Option(names = "--image", paramLabel = "ID", required = true, description = "the catalog image")
        String image;

        @Option(names = "--hostname", paramLabel = "HOST")
        String hostname;

        @Option(names = "--address", paramLabel = "IP")
        String address;

        @Option(names = "--base-directory", paramLabel = "PATH")
        String baseDirectory;

        @Option(names = "--volume-group", paramLabel = "VG")
        String volumeGroup;

        @Option(names = "--disks", paramLabel = "DISKS", description = "comma-separated (hdisk2,hdisk3)")
        String disks;

        @Option(names = "--allow-non-golden", description = "clone an image that is not golden")
        boolean allowNonGolden;

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("host", lpar);
            v.put("wpar", wpar);
            v.put("imageId", image);
            v.put("hostname", hostname);
            v.put("address", address);
            v.put("baseDirectory", baseDirectory);
            v.put("volumeGroup", volumeGroup);
            v.put("disks", disks);
            if (allowNonGolden) {
                v.put("allowNonGolden", true);
            }
            return start("WparCloneProcess", v);
        }
    }

    @Command(name = "provision", description = "Create a new system WPAR from a template, an image or a copy"
            + " (WparProvisioningProcess).")
    static class Provision extends StartCommand {
        @Parameters(paramLabel = "NAME")
        String wpar;

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", description = "where (default: chosen for you)")
        String lpar;

        @Option(names = "--template", paramLabel = "NAME")
        String template;

        @Option(names = "--image", paramLabel = "ID")
        String image;

        @Option(names = "--copy-from", paramLabel = "LPAR:WPAR", description = "the spec of an existing WPAR")
        String copyFrom;

        @Option(names = "--hostname", paramLabel = "HOST")
        String hostname;

        @Option(names = "--address", paramLabel = "IP")
        String address;

        @Option(names = "--method", paramLabel = "METHOD", description = "auto, nim or direct")
        String method;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why (the change reason)")
        String reason;

        @Option(names = "--var", paramLabel = "NAME=VALUE",
                description = "any other input of its contract (cpuLimits, memoryShares, …)")
        List<String> vars = new ArrayList<>();

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("wpar", wpar);
            v.put("lpar", lpar);
            if (template != null) {
                v.put("source", "template");
                v.put("template", template);
            } else if (image != null) {
                v.put("source", "image");
                v.put("imageId", image);
            } else if (copyFrom != null) {
                int colon = copyFrom.indexOf(':');
                if (colon < 1 || colon == copyFrom.length() - 1) {
                    throw new CliException(ExitStatus.USAGE, "--copy-from: expected LPAR:WPAR, not '" + copyFrom + "'");
                }
                v.put("source", "copy");
                v.put("copyFromLpar", copyFrom.substring(0, colon));
                v.put("copyFromWpar", copyFrom.substring(colon + 1));
            }
            v.put("hostname", hostname);
            v.put("address", address);
            v.put("method", method);
            v.put("changeReason", reason);
            addVars(v, vars);
            return start("WparProvisioningProcess", v);
        }
    }

    @Command(name = "decommission", description = "Remove a system WPAR for good, after a backup and approval"
            + " (WparDecommissionProcess).")
    static class Decommission extends StartCommand {
        @Parameters(paramLabel = "NAME")
        String wpar;

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", description = "its LPAR (default: the inventory's)")
        String lpar;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why (the change reason)")
        String reason;

        @Option(names = "--max-backup-age", paramLabel = "DURATION", description = "ISO-8601 (PT24H)")
        String maxBackupAge;

        @Option(names = "--no-backup", description = "do not take a backup when none is recent enough (refused then)")
        boolean noBackup;

        @Override
        public Integer call() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("lpar", lpar != null ? lpar : lparOf(wpar));
            v.put("wpar", wpar);
            v.put("changeReason", reason);
            v.put("maxBackupAge", maxBackupAge);
            if (noBackup) {
                v.put("takeBackupIfMissing", false);
            }
            return start("WparDecommissionProcess", v);
        }
    }
}
