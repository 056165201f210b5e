package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Software maintenance commands of a global environment and its WPARs, and their parsers: installp (preview, apply,
 * commit), install_all_updates, emgr, syncwpar, inuwpar, and lslpp/oslevel inside a WPAR through clogin. The Redbook
 * shows installp's apply summary, syncwpar and syncroot (Example 4-18, RB:3435-3637); the preview, failure, commit,
 * install_all_updates, inuwpar and emgr formats are IBM's command references.
 */
public final class Software {

    /** Whether installp commits what it applies ({@code -c}) or leaves it applied (rejectable) until a commit. */
    public enum Commit {
        APPLY_ONLY, APPLY_AND_COMMIT
    }

    private static final Pattern SELECTED = Pattern.compile("^\\s+(\\S+) (\\d+(?:\\.\\d+){0,3})\\s+#.*$");
    private static final Pattern MISSING = Pattern.compile("^ {4}(\\S+)(?: (\\d+(?:\\.\\d+){0,3}))?\\s*$");
    private static final Pattern MESSAGE_ID = Pattern.compile("\\b\\d{4}-\\d{3}\\b");
    private static final Pattern EFIX_ROW = Pattern.compile(
            "^(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d)\\s*(.*)$");
    private static final Pattern LOCKED = Pattern.compile("^(\\S+) \\d+(?:\\.\\d+){0,3} \\((\\S+)\\)$");
    private static final Pattern SYNCED = Pattern.compile("^Workload partition (\\S+) synchronized successfully\\.$");

    private Software() {
    }

    // ---------------------------------------------------------------- results

    /** A row of installp's Installation Summary: name, level, part (USR, ROOT), event (APPLY, COMMIT…), result. */
    public record SummaryRow(String fileset, String level, String part, String event, String result) {
        public boolean failed() {
            return !"SUCCESS".equals(result);
        }
    }

    /** One fileset an install would change: its level now (null: not installed) and the level it would get. */
    public record Change(String fileset, String from, String to) {
    }

    /**
     * What {@code installp -p} says an install would do: the filesets it would apply (with the level each has now),
     * those already installed at that level, those the source does not have; {@code failure} is installp's message
     * when it could not preview at all (the source unreadable), else null.
     */
    public record InstallPlan(List<Change> changes, List<FilesetLevel> alreadyInstalled, List<String> missing,
                              String failure) {
        public boolean nothingToDo() {
            return changes.isEmpty();
        }
    }

    /**
     * What an install, update or commit did: installp's summary rows, the filesets that failed, the AIX message that
     * says why (the first line with a message id, else the last line on stderr), the exit status.
     */
    public record InstallResult(int exitStatus, List<SummaryRow> summary, List<String> failedFilesets, String message) {
        public boolean succeeded() {
            return exitStatus == 0 && failedFilesets.isEmpty();
        }
    }

    /** An interim fix {@code emgr -l} lists. */
    public record Efix(int id, String state, String label, String installed, String summary) {
    }

    /** What syncwpar or inuwpar did for one WPAR: success, the filesets that failed, the message, the exit status. */
    public record SyncResult(int exitStatus, boolean succeeded, List<SummaryRow> summary, List<String> failedFilesets,
                             String message) {
    }

    // ---------------------------------------------------------------- commands

    /** {@code lslpp -Lc}: every fileset of the global environment. */
    public static AixCommand lslppAll() {
        return AixCommand.of("lslpp").flag("-Lc").build();
    }

    /** {@code lslpp -l}: the global environment's usr and root parts, as an administrator reads them. */
    public static AixCommand lslppLong() {
        return AixCommand.of("lslpp").flag("-l").build();
    }

    /** {@code clogin NAME lslpp -l}: the usr and root parts as the WPAR sees them. */
    public static AixCommand lslppInside(WparName wpar) {
        return AixCommand.of("clogin").arg(wpar).command(AixCommand.of("lslpp").flag("-l").build()).build();
    }

    /** {@code clogin NAME oslevel -s}. */
    public static AixCommand oslevelInside(WparName wpar) {
        return AixCommand.of("clogin").arg(wpar).command(SystemInfo.oslevel()).build();
    }

    private static AixCommand.Builder selection(AixCommand.Builder b, List<FilesetName> filesets) {
        return filesets.isEmpty() ? b.keyword("all") : b.args(filesets);
    }

    /** {@code installp -apgXd DIR {FILESET… | all}}: the preview of an apply; nothing changes. */
    public static AixCommand installPreview(SoftwareSource source, List<FilesetName> filesets) {
        return selection(AixCommand.of("installp").flag("-apgX").flag("-d", source), filesets).build();
    }

    /** {@code installp -a[c]gXYd DIR {FILESET… | all}}. */
    public static AixCommand installApply(SoftwareSource source, List<FilesetName> filesets, Commit commit) {
        return selection(AixCommand.of("installp").flag(commit == Commit.APPLY_AND_COMMIT ? "-acgXY" : "-agXY")
                .flag("-d", source), filesets).build();
    }

    /** {@code install_all_updates -d DIR -Y [-c]}: every installed fileset the source has newer. */
    public static AixCommand installAllUpdates(SoftwareSource source, Commit commit) {
        AixCommand.Builder b = AixCommand.of("install_all_updates").flag("-d", source).flag("-Y");
        if (commit == Commit.APPLY_AND_COMMIT) {
            b.flag("-c");
        }
        return b.build();
    }

    /** {@code installp -c -g all}: commits every applied update. */
    public static AixCommand commitAll() {
        return AixCommand.of("installp").flag("-cg").keyword("all").build();
    }

    /** {@code emgr -e PACKAGE -X}: installs an interim fix package in the global environment. */
    public static AixCommand emgrInstall(AbsolutePath efixPackage) {
        return AixCommand.of("emgr").flag("-e", efixPackage).flag("-X").build();
    }

    /** {@code emgr -l}: the interim fixes installed. */
    public static AixCommand emgrList() {
        return AixCommand.of("emgr").flag("-l").build();
    }

    /** {@code emgr -r -L LABEL}: removes an interim fix. */
    public static AixCommand emgrRemove(EfixLabel label) {
        return AixCommand.of("emgr").flag("-r").flag("-L", label).build();
    }

    /** {@code syncwpar NAME}: the shared WPAR's root part brought to the global levels (Example 4-18). */
    public static AixCommand syncwpar(WparName wpar) {
        return AixCommand.of("syncwpar").arg(wpar).build();
    }

    /**
     * {@code inuwpar -d DIR -w NAME installp -acXY FILESET LEVEL…}: each fileset installed from DIR into a detached WPAR
     * at exactly the level given (installp's {@code FilesetName [Level]} operands; IBM reference: installp, inuwpar).
     * Without a level installp takes the newest level DIR holds, which can be past the global environment's; without
     * {@code -g} no requisite is pulled in at another level: the list is already every fileset that differs.
     */
    public static AixCommand inuwparAtLevels(WparName wpar, SoftwareSource source, List<FilesetLevel> levels) {
        return AixCommand.of("inuwpar").flag("-d", source).flag("-w", wpar)
                .command(atLevels(AixCommand.of("installp").flag("-acXY"), levels)).build();
    }

    /**
     * {@code inuwpar -d DIR -w NAME installp -apX FILESET LEVEL…}: the preview of {@link #inuwparAtLevels}; nothing
     * changes. Its "Missing Filesets" are the levels DIR does not hold.
     */
    public static AixCommand inuwparPreview(WparName wpar, SoftwareSource source, List<FilesetLevel> levels) {
        return AixCommand.of("inuwpar").flag("-d", source).flag("-w", wpar)
                .command(atLevels(AixCommand.of("installp").flag("-apX"), levels)).build();
    }

    private static AixCommand atLevels(AixCommand.Builder b, List<FilesetLevel> levels) {
        if (levels.isEmpty()) {
            throw new InvalidArgumentException("levels", "[]", "must name at least one fileset and level");
        }
        for (FilesetLevel l : levels) {
            b.arg(l.fileset()).keyword(l.level());
        }
        return b.build();
    }

    // ---------------------------------------------------------------- parsers

    /**
     * installp's Installation Summary rows (RB:3487-3517): {@code NAME LEVEL PART EVENT RESULT}, a DEINSTALL row may
     * have no level. Empty when the output has no summary (nothing was applied).
     */
    public static List<SummaryRow> parseSummary(String out) {
        List<SummaryRow> rows = new ArrayList<>();
        List<String> lines = TextTable.lines(out);
        boolean in = false;
        for (int n = 0; n < lines.size(); n++) {
            String t = lines.get(n).strip();
            if (t.equals("Installation Summary")) {
                in = true;
                continue;
            }
            if (!in || t.isEmpty() || t.startsWith("---") || t.startsWith("Name ")) {
                continue;
            }
            String[] w = t.split("\\s+");
            if (w.length == 5 && isPart(w[2])) {
                rows.add(new SummaryRow(w[0], w[1], w[2], w[3], w[4]));
            } else if (w.length == 4 && isPart(w[1])) {
                rows.add(new SummaryRow(w[0], "", w[1], w[2], w[3]));
            } else {
                in = false; // the summary ended (syncroot's lines follow it)
            }
        }
        return rows;
    }

    private static boolean isPart(String s) {
        return s.equals("USR") || s.equals("ROOT") || s.equals("SHARE");
    }

    /**
     * installp's preview (IBM reference: installp -p): the SUCCESSES section's "Selected Filesets" ({@code NAME LEVEL
     * # description}), the WARNINGS' "Already Installed" and the FAILURES' "Missing Filesets". {@code current} gives
     * the level each fileset has now. An output with none of the sections and no preview end is an unknown format.
     */
    public static InstallPlan parsePreview(String out, Map<String, String> current) {
        List<Change> changes = new ArrayList<>();
        List<FilesetLevel> installed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String section = "";
        boolean recognised = false;
        for (String line : TextTable.lines(out)) {
            String t = line.strip();
            if (t.equals("Selected Filesets") || t.equals("Already Installed") || t.equals("Missing Filesets")) {
                section = t;
                recognised = true;
                continue;
            }
            if (t.startsWith("<< End of")) {
                section = "";
                continue;
            }
            if (t.contains("End of installp PREVIEW") || t.equals("FILESET STATISTICS")) {
                recognised = true;
            }
            Matcher m = SELECTED.matcher(line);
            if (section.equals("Selected Filesets") && m.matches()) {
                changes.add(new Change(m.group(1), current.get(m.group(1)), m.group(2)));
            } else if (section.equals("Already Installed") && m.matches()) {
                installed.add(FilesetLevel.of(m.group(1), m.group(2)));
            } else if (section.equals("Missing Filesets")) {
                Matcher mm = MISSING.matcher(line);
                if (mm.matches()) {
                    missing.add(mm.group(2) == null ? mm.group(1) : mm.group(1) + " " + mm.group(2));
                }
            }
        }
        if (!recognised) {
            throw UnexpectedOutputException.unknownFormat("installp -p", out,
                    "no 'Selected Filesets', 'Already Installed' or 'Missing Filesets' section, no PREVIEW end");
        }
        return new InstallPlan(changes, installed, missing, null);
    }

    /**
     * An install's result from its output and exit status: the summary rows, the filesets with a FAILED row, and the
     * AIX message that explains a failure (the first line carrying a message id such as {@code 0503-464}, else the
     * last non-empty line of stderr that is not a "Return Status" line).
     */
    public static InstallResult parseInstall(int exitStatus, String stdout, String stderr) {
        List<SummaryRow> rows = parseSummary(stdout);
        List<String> failed = new ArrayList<>(rows.stream().filter(SummaryRow::failed).map(SummaryRow::fileset)
                .distinct().toList());
        List<String> locked = lockedByEfix(stdout);
        locked.stream().filter(f -> !failed.contains(f)).forEach(failed::add);
        String message = exitStatus == 0 && failed.isEmpty() ? null
                : !locked.isEmpty() && rows.stream().noneMatch(SummaryRow::failed)
                        ? "installp: locked by an interim fix: " + String.join(", ", locked) : message(stdout, stderr);
        return new InstallResult(exitStatus, rows, List.copyOf(failed), message);
    }

    /**
     * The filesets installp left alone because an interim fix locks them: the lines under its notice
     * ({@code installp:  The following filesets are locked by an interim fix…}, {@code NAME LEVEL (LABEL)}).
     */
    static List<String> lockedByEfix(String stdout) {
        List<String> locked = new ArrayList<>();
        boolean in = false;
        for (String line : TextTable.lines(stdout == null ? "" : stdout)) {
            String t = line.strip();
            if (t.contains("locked by an interim fix")) {
                in = true;
                continue;
            }
            if (in) {
                Matcher m = LOCKED.matcher(t);
                if (m.matches()) {
                    locked.add(m.group(1));
                } else if (!t.startsWith("(")) {
                    in = false;
                }
            }
        }
        return locked;
    }

    /** The message that explains a failed software command ({@link #parseInstall}). */
    public static String message(String stdout, String stderr) {
        for (String text : new String[] {stderr, stdout}) {
            for (String line : TextTable.lines(text == null ? "" : text)) {
                if (MESSAGE_ID.matcher(line).find()) {
                    return line.strip();
                }
            }
        }
        List<String> err = TextTable.lines(stderr == null ? "" : stderr).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.contains("Return Status")).toList();
        if (!err.isEmpty()) {
            return err.get(err.size() - 1);
        }
        List<String> out = TextTable.lines(stdout == null ? "" : stdout).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        return out.isEmpty() ? "" : out.get(out.size() - 1);
    }

    /** syncwpar's or inuwpar's result for one WPAR. */
    public static SyncResult parseSync(WparName wpar, int exitStatus, String stdout, String stderr) {
        List<SummaryRow> rows = parseSummary(stdout);
        List<String> failed = rows.stream().filter(SummaryRow::failed).map(SummaryRow::fileset).distinct().toList();
        boolean synced = TextTable.lines(stdout == null ? "" : stdout).stream().map(String::strip)
                .anyMatch(l -> {
                    Matcher m = SYNCED.matcher(l);
                    return m.matches() && m.group(1).equals(wpar.value());
                }) || (stdout != null && stdout.contains("inuwpar: Workload partition " + wpar.value()
                        + ": Return Status = SUCCESS"));
        boolean ok = exitStatus == 0 && failed.isEmpty() && synced;
        return new SyncResult(exitStatus, ok, rows, failed, ok ? null : message(stdout, stderr));
    }

    /** {@code emgr -l} (IBM reference: emgr): the rows under the {@code ===} line; "There is no efix data" is none. */
    public static List<Efix> parseEfixes(String out) {
        List<Efix> efixes = new ArrayList<>();
        boolean table = false;
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String t = line.strip();
            if (t.startsWith("There is no efix data")) {
                return List.of();
            }
            if (t.startsWith("===")) {
                table = true;
                continue;
            }
            if (!table) {
                continue;
            }
            if (t.isEmpty() || t.startsWith("STATE codes")) {
                break;
            }
            Matcher m = EFIX_ROW.matcher(t);
            if (!m.matches()) {
                throw UnexpectedOutputException.unknownFormat("emgr -l", n + 1, line,
                        "expected 'ID STATE LABEL MM/DD/YY HH:MM:SS ABSTRACT'");
            }
            efixes.add(new Efix(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5).strip()));
        }
        return efixes;
    }
}
